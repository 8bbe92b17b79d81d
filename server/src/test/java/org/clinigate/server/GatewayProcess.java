package org.clinigate.server;

import java.util.HashMap;
import java.util.Map;
import org.clinigate.server.config.ConfigLoader;

/** A gateway in a process of its own, for tests that kill it: prints "port N" once listening, then serves. */
public final class GatewayProcess {

    private GatewayProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CLINIGATE_SERVER_PORT", "0");
        env.put("CLINIGATE_AUTH_MODE", "none");
        env.put("CLINIGATE_DATA_DIR", args[0]);
        Application app = Application.start(new ConfigLoader().load(null, env), env);
        System.out.println("port " + app.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
