/**
 * Embedding: tokenising with a model's HuggingFace tokenizer (DJL), running its ONNX graph (ONNX
 * Runtime), pooling and normalising. The only package that touches ONNX Runtime.
 */
package org.embex.embed;
