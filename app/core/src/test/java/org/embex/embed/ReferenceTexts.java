package org.embex.embed;

import java.util.ArrayList;
import java.util.List;

/** Varied texts for comparing embex with a reference implementation. */
final class ReferenceTexts {

    private ReferenceTexts() {
    }

    static List<String> all() {
        List<String> texts = new ArrayList<>();
        texts.addAll(List.of(
                "My phone bill is much higher than last month.",
                "How do I switch to a cheaper plan?",
                "There is no signal in my flat since Tuesday.",
                "Can I use my phone in Spain without extra charges?",
                "I lost my SIM card, please block it.",
                "I want to cancel my contract.",
                "The weather is lovely today.",
                "Let's talk about the meaning of life.",
                "A man is playing a guitar.",
                "A woman is slicing an onion.",
                "The quick brown fox jumps over the lazy dog.",
                "Embeddings map texts to points in a vector space.",
                "What is the capital of Australia?",
                "Refund my money NOW!!!",
                "i cant login to my acount pls help",
                "Roaming charges in the EU were abolished in 2017.",
                "The cat sat on the mat.",
                "Stock markets fell sharply on Monday after the announcement.",
                "He scored twice in the second half.",
                "Mix flour, eggs and milk, then rest the batter for an hour.",
                "Quantum computers use qubits instead of bits.",
                "Why is the sky blue?",
                "Please send me an invoice for March.",
                "Data speeds drop every evening around eight.",
                "Is 5G available in rural areas?",
                "Café, naïve, résumé, coöperate and Zürich.",
                "UPPER CASE TEXT SHOULD BE LOWERCASED BY THE TOKENIZER",
                "Numbers like 3.14159, 42 and 1,000,000 appear here.",
                "e-mail: someone@example.org, url: http://example.org/path?q=1",
                "Tabs\tand\nnewlines\r\nin one text.",
                "A",
                "ok",
                "Supercalifragilisticexpialidocious antidisestablishmentarianism",
                "The meeting was postponed because the chairman was ill.",
                "Two dogs are running through a field of snow.",
                "Children are playing football in the park.",
                "She forgot her umbrella and got soaked.",
                "Top up 10 GB of data, please.",
                "My handset screen cracked; can you repair it?",
                "How long is the notice period if I want to leave?",
                "Unlock my phone so I can use another carrier.",
                "What's your favourite movie?",
                "Can I pay my bill with a credit card?",
                "The train to Edinburgh leaves at half past nine.",
                "Photosynthesis turns light, water and carbon dioxide into sugar.",
                "Are there any hidden fees in the unlimited plan?",
                "My daughter needs a phone for her birthday.",
                "Which is better for reading at night, a tablet or an e-reader?",
                "The committee will publish its findings next week.",
                "Sorry, wrong number."));
        texts.addAll(List.of(
                "我的话费账单比上个月高了很多。",
                "怎么换成更便宜的套餐？",
                "家里从周二开始就没有信号了。",
                "在西班牙用手机要另外收费吗？",
                "我的SIM卡丢了，请帮我挂失。",
                "我想解约。",
                "今天天气真好。",
                "我们来聊聊人生吧。",
                "一个男人在弹吉他。",
                "一个女人正在切洋葱。",
                "敏捷的棕色狐狸跳过了懒狗。",
                "天氣熱",
                "今天好曬",
                "流量用完了，能再充一点吗？",
                "晚上八点以后网速特别慢。",
                "请把三月份的发票寄给我。",
                "我想办理国际漫游。",
                "手机屏幕碎了，可以修吗？",
                "你们的客服电话是多少？",
                "退款！马上给我退款！",
                "向量检索是一种基于语义的搜索方法。",
                "北京是中国的首都。",
                "他在下半场打进了两个球。",
                "把面粉、鸡蛋和牛奶混合，然后静置一小时。",
                "为什么天空是蓝色的？",
                "这部电影太好看了，强烈推荐！",
                "请问五G信号覆盖农村地区吗？",
                "我的套餐什么时候到期？",
                "銀行的利率又調整了。",
                "明天会下雨吗"));
        texts.addAll(List.of(
                "我想 upgrade 我的 plan",
                "Roaming 在日本怎么开通？",
                "SIM卡 PIN code 忘了",
                "The word 你好 means hello.",
                "5G套餐 price 多少",
                "Wi-Fi 连不上，help!",
                "Bill 太贵了 seriously",
                "eSIM 支持 iPhone 吗？",
                "Meeting at 3pm 在会议室",
                "Data 用完了 again"));
        texts.addAll(List.of(
                "😀😃😄😁",
                "I love this 🎉🎉🎉",
                "📱 no signal 😡",
                "太好了👍",
                "🇪🇸 roaming?",
                "👨‍👩‍👧‍👦 family plan",
                "❤️",
                "🙂 ok 🙂"));
        texts.addAll(List.of(
                "!!!",
                "???",
                "...",
                "—",
                "，。！？",
                "()[]{}<>",
                "@#$%^&*"));
        return texts;
    }

    /** A text far longer than any catalogue model reads. */
    static String longText() {
        StringBuilder text = new StringBuilder();
        String[] sentences = {
            "Customers often call because their bill is higher than expected.",
            "Roaming outside the European Union can be expensive without a travel pass.",
            "A weak signal indoors is usually caused by thick walls or distance from the mast.",
            "Switching plans takes effect at the start of the next billing cycle.",
            "移动数据用完以后可以购买流量包。"};
        for (int i = 0; text.length() < 6000; i++) {
            text.append(sentences[i % sentences.length]).append(' ');
        }
        return text.toString();
    }
}
