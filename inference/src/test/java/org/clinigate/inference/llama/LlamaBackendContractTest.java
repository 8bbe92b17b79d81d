package org.clinigate.inference.llama;

import org.clinigate.core.chat.ChatBackend;
import org.clinigate.inference.testing.ChatBackendContract;

/** The in-process backend, running the tiny random gemma3 model, passes the shared contract. */
class LlamaBackendContractTest extends ChatBackendContract {

    @Override
    protected ChatBackend backend() {
        return TinyModel.backend();
    }

    @Override
    protected String model() {
        return TinyModel.MODEL;
    }
}
