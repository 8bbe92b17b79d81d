package org.clinigate.inference.openai;

import java.time.Duration;
import java.util.Map;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.inference.testing.ChatBackendContract;
import org.clinigate.inference.testing.FakeOpenAiServer;
import org.clinigate.inference.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The OpenAI-compatible backend against the scripted loopback server passes the shared contract. */
class OpenAiBackendContractTest extends ChatBackendContract {

    private static FakeOpenAiServer server;
    private static OpenAiBackend backend;

    @BeforeAll
    static void start() {
        server = FakeOpenAiServer.start();
        backend = new OpenAiBackend(OpenAiConfig.of("fake", server.baseUrl(), "test-key",
                Map.of("medgemma-27b", "google/medgemma-27b-text-it")));
    }

    @AfterAll
    static void stop() {
        backend.close();
        server.close();
    }

    @Override
    protected ChatBackend backend() {
        return backend;
    }

    @Override
    protected String model() {
        return "medgemma-27b";
    }

    @Override
    protected void beforeEachCall() {
        server.reset();
        server.defaultReply(Reply.text("The patient reports mild pain after the first dose.")
                .paced(Duration.ofMillis(1)));
    }
}
