package org.embex.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Splits a text into the words topic lists are made of, with Lucene: Chinese text (any text with
 * a CJK ideograph) is segmented into words by SmartCN's hidden Markov model rather than cut into
 * single characters; other text by the standard tokenizer, lower-cased, English function words
 * and pure numbers dropped, nothing stemmed so that the words stay readable.
 */
final class WordSplitter implements AutoCloseable {

    /** Function words that say nothing about a topic; Lucene's own English list has only 33. */
    private static final CharArraySet STOP_WORDS = new CharArraySet(List.of(
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
            "did", "do", "does", "doing", "don't", "down", "during", "each", "few", "for", "from", "further", "get",
            "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
            "how", "i", "i'm", "if", "in", "into", "is", "it", "it's", "its", "itself", "just", "let", "me", "more",
            "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
            "our", "ours", "ourselves", "out", "over", "own", "please", "same", "she", "should", "so", "some",
            "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
            "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
            "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
            "yourself", "yourselves", "can't", "won't", "isn't", "i've", "i'd", "i'll", "also", "still", "yet"), true);

    /** Chinese function words, particles and pronouns; SmartCN's own list holds only punctuation. */
    private static final CharArraySet CHINESE_STOP_WORDS = new CharArraySet(List.of(
            "的", "了", "我", "你", "他", "她", "它", "们", "我们", "你们", "他们", "是", "在", "有", "和", "就", "不",
            "都", "也", "吗", "吧", "呢", "啊", "哦", "嗯", "呀", "嘛", "啦", "哈", "喂", "要", "会", "能", "可以",
            "这", "那", "个", "一", "一个", "一下", "怎么", "怎么办", "什么", "为什么", "还", "又", "被", "把", "给",
            "让", "对", "到", "从", "跟", "与", "及", "而", "但", "但是", "如果", "因为", "所以", "没", "很", "太",
            "最", "再", "已经", "还是", "或者", "着", "过", "地", "得", "之", "其", "此", "这个", "那个", "这样",
            "那样", "自己", "请", "请问", "帮", "帮我", "下", "上", "里", "谁", "哪", "哪里", "多少", "几", "吗？",
            "想", "用", "去", "来", "说", "看", "做", "好", "多", "现在", "今天", "一直", "怎样", "如何"), false);

    private final Analyzer chinese = new SmartChineseAnalyzer(CHINESE_STOP_WORDS);
    private final Analyzer other = new StandardAnalyzer(STOP_WORDS);

    List<String> words(String text) {
        Analyzer analyzer = text.codePoints().anyMatch(WordSplitter::isIdeograph) ? chinese : other;
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (isWord(word)) {
                    words.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static boolean isIdeograph(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** Something a person would call a word: not a number, not a lone Latin letter, no punctuation. */
    private static boolean isWord(String token) {
        boolean hasLetter = token.codePoints().anyMatch(Character::isLetter);
        boolean cjk = token.codePoints().anyMatch(WordSplitter::isIdeograph);
        return hasLetter && (cjk || token.length() > 1);
    }

    @Override
    public void close() {
        chinese.close();
        other.close();
    }
}
