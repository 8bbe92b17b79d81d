package org.clinigate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.clinigate.server.Application;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.server.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the gateway: OpenAI-compatible "
        + "/v1/chat/completions and /v1/models, /healthz, /readyz and /metrics. Every setting can also be given "
        + "as an environment variable CLINIGATE_<PATH>, for example CLINIGATE_SERVER_PORT=9090.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", description = "A clinigate.yaml (see clinigate.example.yaml). Without it, "
            + "built-in defaults and environment variables apply.")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig c = new ConfigLoader().load(config, System.getenv());
        Application app = Application.start(c, System.getenv());
        System.out.printf("clinigate: gateway on http://%s:%d (Ctrl-C stops it, letting streams finish)%n",
                c.server().host(), app.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "clinigate-shutdown"));
        stopped.await();
        return 0;
    }
}
