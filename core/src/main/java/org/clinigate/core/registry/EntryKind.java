package org.clinigate.core.registry;

/** What a registry entry describes: a base model, or a LoRA adapter that runs on one. */
public enum EntryKind {
    /** A base model: a GGUF file in-process, or a model name on an OpenAI-compatible server. */
    BASE,
    /** A LoRA adapter: a GGUF LoRA file in-process, or a served adapter name on vLLM (multi-LoRA). */
    ADAPTER
}
