package org.clinigate.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.health.Readiness;
import org.clinigate.core.pipeline.ChatPipeline;
import org.clinigate.core.pipeline.Principal;
import org.clinigate.core.quota.Admission;
import org.clinigate.core.quota.Quotas;
import org.clinigate.server.config.GatewayConfig;
import org.clinigate.server.metrics.GatewayMetrics;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP gateway: OpenAI-compatible chat completions and model list, health, readiness and
 * Prometheus metrics, on Javalin with virtual threads. {@link #close()} stops taking requests and
 * lets those in flight, streams included, finish within {@code server.shutdown_grace_seconds}.
 */
public final class GatewayServer implements AutoCloseable {

    /** The listen backlog: connections the kernel queues while the acceptor catches up (capped by somaxconn). */
    static final int ACCEPT_QUEUE = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final String STARTED = "clinigate.started";
    static final String PRINCIPAL = "clinigate.principal";
    /** Who a refused request is recorded as when it never proved an identity. */
    private static final Principal ANONYMOUS = new Principal("unknown", "anonymous", java.util.Set.of());

    private final Javalin app;
    private final AtomicBoolean stopping;
    private final Authentication authentication;

    private GatewayServer(Javalin app, AtomicBoolean stopping, Authentication authentication) {
        this.app = app;
        this.stopping = stopping;
        this.authentication = authentication;
    }

    /**
     * What the review API needs: the draft store, the vault that holds the drafts' scopes, and the de-identifier
     * that turns a reviewer's edit back into pseudonyms.
     */
    public record Review(org.clinigate.core.drafts.DraftStore drafts, org.clinigate.core.pipeline.PhiVault vault,
            org.clinigate.core.phi.Deidentifier deidentifier,
            java.util.function.Supplier<org.clinigate.knowledge.KnowledgeIndex> knowledge,
            java.util.function.Supplier<org.clinigate.knowledge.terminology.Terminology> terminology,
            org.clinigate.core.tuning.DraftInputs inputs, org.clinigate.core.registry.ModelRegistry registry,
            org.clinigate.core.registry.Governance governance) {

        public Review {
            inputs = inputs == null ? org.clinigate.core.tuning.DraftInputs.NONE : inputs;
        }

        /** Without kept inputs: drafts then cannot become fine-tuning examples. */
        public Review(org.clinigate.core.drafts.DraftStore drafts, org.clinigate.core.pipeline.PhiVault vault,
                org.clinigate.core.phi.Deidentifier deidentifier,
                java.util.function.Supplier<org.clinigate.knowledge.KnowledgeIndex> knowledge,
                java.util.function.Supplier<org.clinigate.knowledge.terminology.Terminology> terminology) {
            this(drafts, vault, deidentifier, knowledge, terminology, null, null, null);
        }
    }

    /**
     * Starts the server on {@code server.host}:{@code server.port} (0 picks a free port). Every /v1 request is
     * admitted by {@code quotas} after authentication; {@code /readyz} reports {@code database} beside the backends;
     * the review API and the tasks are served when {@code review} is not null.
     */
    public static GatewayServer start(GatewayConfig config, ChatPipeline pipeline, List<ChatBackend> backends,
            GatewayMetrics metrics, org.clinigate.core.audit.AuditLog auditLog, org.clinigate.core.auth.ApiKeys keys,
            Quotas quotas, java.util.function.Supplier<Readiness> database, Review review) {
        GatewayConfig.Server s = config.server();
        Authentication authentication = Authentication.of(config.auth(), keys);
        RequestParser parser = new RequestParser(s.maxJsonDepth(), s.maxBodyBytes());
        Auditor audit = new Auditor(auditLog);
        ChatHandler chat = new ChatHandler(pipeline, parser, metrics, s.maxBodyBytes(), audit, quotas);
        AtomicBoolean stopping = new AtomicBoolean();
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.concurrency.useVirtualThreads = true;
            c.staticFiles.add(files -> {
                files.hostedPath = "/console";
                files.directory = "/org/clinigate/server/console";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                // Served as files, never as a template: no inline script, nothing framed, nothing cached stale.
                files.headers = java.util.Map.of("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'",
                        "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "Cache-Control",
                        "no-cache");
            });
            c.http.maxRequestSize = s.maxBodyBytes();
            c.jetty.host = s.host();
            c.jetty.port = s.port();
            // Our own connector, as Javalin's default would be, but with a listen backlog of ACCEPT_QUEUE instead of
            // the JDK's 50: when a client pool opens 200 connections at once, the connections past the backlog lost
            // their SYN and waited out the kernel's 1 s retransmission (ADR 0006).
            c.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(s.host());
                connector.setPort(s.port());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
            c.jetty.modifyServer(server -> {
                server.setStopTimeout(Duration.ofSeconds(s.shutdownGraceSeconds()).toMillis());
                server.insertHandler(new GracefulHandler());
            });
            c.routes.before(ctx -> {
                ctx.attribute(STARTED, System.nanoTime());
                ctx.attribute(Auditor.STARTED, ctx.attribute(STARTED));
                if (stopping.get()) {
                    throw new ClinigateException(ErrorCode.CG_3004, "the gateway is shutting down");
                }
                if (ctx.path().startsWith("/v1/")) {
                    Principal p = authentication == null
                            ? Principal.local()
                            : authentication.authenticate(ctx.header("Authorization"));
                    ctx.attribute(PRINCIPAL, p);
                    if (p.roles().isEmpty()) {
                        // A token whose IdP roles map to none of Clinigate's (auth.oidc.role_map).
                        throw new ClinigateException(ErrorCode.CG_4012, "the caller holds no Clinigate role");
                    }
                    java.util.Set<String> allowed = rolesFor(ctx.method().name(), ctx.path());
                    if (allowed != null && java.util.Collections.disjoint(allowed, p.roles())) {
                        throw new ClinigateException(ErrorCode.CG_4012,
                                "this endpoint needs the role "
                                        + String.join(" or ", new java.util.TreeSet<>(allowed)));
                    }
                    admit(ctx, quotas, p);
                }
            });
            c.routes.post("/v1/chat/completions", chat);
            c.routes.get("/v1/models", ctx -> {
                audit.allowed(ctx, ctx.attribute(PRINCIPAL)); // before the answer: never served unaudited
                models(ctx, backends, review == null ? null : review.registry());
            });
            if (review != null) {
                DraftsHandler d = new DraftsHandler(review.drafts(), review.vault(), review.deidentifier(), audit);
                c.routes.get("/v1/drafts", d::list);
                c.routes.get("/v1/drafts/{id}", d::get);
                c.routes.put("/v1/drafts/{id}", d::edit);
                c.routes.post("/v1/drafts/{id}/sign", d::sign);
                c.routes.post("/v1/drafts/{id}/reject", d::reject);
                c.routes.get("/v1/drafts/{id}/fhir", d::fhir);
                TasksHandler tasks = new TasksHandler(pipeline, review.drafts(), review.knowledge(), audit, metrics,
                        review.terminology(), review.inputs());
                c.routes.post("/v1/tasks/{task}", tasks::handle);
                if (review.governance() != null) {
                    RegistryHandler r = new RegistryHandler(review.governance(), review.registry(), audit);
                    c.routes.get("/v1/registry", r::list);
                    c.routes.post("/v1/registry/{name}/{step}", r::change);
                }
            }
            c.routes.get("/console", ctx -> ctx.redirect("/console/index.html"));
            GatewayConfig.Console sso = config.auth().tokens() && config.auth().oidc() != null
                    ? config.auth().oidc().console()
                    : null;
            ConsoleSignOn signOn = new ConsoleSignOn(sso, sso != null && sso.enabled() && sso.clientSecretEnv() != null
                    && !sso.clientSecretEnv().isBlank() ? System.getenv(sso.clientSecretEnv()) : null);
            c.routes.get("/console/sso.json", signOn::settings);
            c.routes.post("/console/sso/token", signOn::token);
            c.routes.get("/v1/audit", ctx -> auditTrail(ctx, auditLog, audit));
            c.routes.get("/healthz", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
            c.routes.get("/readyz", ctx -> ready(ctx, backends, database.get()));
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            c.routes.after(ctx -> record(ctx, metrics));
            c.routes.exception(ClinigateException.class, (e, ctx) -> {
                metrics.error(e.code());
                Principal who = ctx.attribute(PRINCIPAL);
                if (ctx.path().startsWith("/v1/")
                        && !audit.refused(ctx, who == null ? ANONYMOUS : who, e, ErrorMapping.status(e.code()))) {
                    e = new ClinigateException(ErrorCode.CG_4002, "the audit log cannot be written");
                }
                error(ctx, e);
            });
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("CG-1999 unexpected {} on {}", e.getClass().getSimpleName(), ctx.method());
                error(ctx, new ClinigateException(ErrorCode.CG_1999, "internal error"));
            });
            c.routes.error(404, ctx -> {
                if (!"application/json".equals(ctx.res().getContentType())) {
                    error(ctx, new ClinigateException(ErrorCode.CG_3001, "no endpoint at this path"));
                }
            });
            c.routes.error(405, ctx -> error(ctx, new ClinigateException(ErrorCode.CG_3002, "method not allowed")));
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            if (authentication != null) {
                authentication.close();
            }
            throw e;
        }
        GatewayServer g = new GatewayServer(app, stopping, authentication);
        LOG.info("clinigate gateway listening on {}:{} ({} backends)", s.host(), app.port(), backends.size());
        return g;
    }

    /**
     * Takes the request, and the prompt's estimated tokens, from the caller's quota buckets; refuses with 429 and
     * Retry-After when one is empty. The estimate is a quarter of the body's bytes (about four bytes per token);
     * the chat handler charges the difference and the answer's tokens once they are known.
     */
    private static void admit(Context ctx, Quotas quotas, Principal p) {
        long estimate = "POST".equals(ctx.method().name()) ? Math.max(0, ctx.contentLength()) / 4 : 0;
        ctx.attribute(ChatHandler.ESTIMATED_TOKENS, estimate);
        Admission a = quotas.admit(p.tenant(), p.subject(), estimate);
        if (!a.allowed()) {
            ctx.header("Retry-After", Long.toString(a.retryAfterSeconds()));
            throw new ClinigateException(ErrorCode.CG_4020,
                    "quota exceeded: " + a.limit() + "; retry after " + a.retryAfterSeconds() + " s");
        }
    }

    /**
     * {@code GET /v1/audit[?limit=N]}: the newest records of the chain, oldest first, without any text, for the
     * console's audit view (admins). The chain's end is found with O(log n) reads.
     */
    private static void auditTrail(Context ctx, org.clinigate.core.audit.AuditLog log, Auditor audit) {
        int limit;
        try {
            limit = Integer.parseInt(java.util.Objects.requireNonNullElse(ctx.queryParam("limit"), "200"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 1000) {
            throw new ClinigateException(ErrorCode.CG_2001, "limit must be in [1, 1000]");
        }
        audit.allowed(ctx, ctx.attribute(PRINCIPAL));
        long last = lastSequence(log);
        List<org.clinigate.core.audit.AuditRecord> records = log.read(Math.max(1, last - limit + 1), limit);
        com.fasterxml.jackson.databind.node.ObjectNode out = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode rows = out.putArray("records");
        for (org.clinigate.core.audit.AuditRecord r : records) {
            var e = r.event();
            rows.addObject().put("sequence", r.sequence()).put("time", r.time().toString()).put("tenant", e.tenant())
                    .put("principal", e.principal()).put("role", e.role()).put("endpoint", e.endpoint())
                    .put("outcome", e.outcome().name().toLowerCase(java.util.Locale.ROOT)).put("status", e.httpStatus())
                    .put("error", e.errorCode()).put("model", e.model()).put("latency_us", e.latencyMicros())
                    .put("hash", r.hash());
        }
        ctx.contentType("application/json").result(out.toString());
    }

    private static long lastSequence(org.clinigate.core.audit.AuditLog log) {
        long hi = 1;
        while (!log.read(hi, 1).isEmpty()) {
            hi *= 2;
        }
        long lo = hi / 2; // lo exists (or is 0), hi does not
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (log.read(mid, 1).isEmpty()) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    private static final java.util.Set<String> CLINICIAN = java.util.Set.of("clinician");
    private static final java.util.Set<String> ADMIN = java.util.Set.of("admin");
    private static final java.util.Set<String> READ_DRAFTS = java.util.Set.of("clinician", "reviewer");
    private static final java.util.Set<String> REVIEWER = java.util.Set.of("reviewer");

    /**
     * The roles each endpoint accepts, in one place (the role-by-endpoint test walks this table); null means every
     * role.
     */
    static java.util.Set<String> rolesFor(String method, String path) {
        if (path.equals("/v1/chat/completions") || path.startsWith("/v1/tasks/")) {
            return CLINICIAN;
        }
        if (path.equals("/v1/audit") || path.equals("/v1/registry") || path.startsWith("/v1/registry/")) {
            return ADMIN;
        }
        if (path.equals("/v1/drafts") || path.startsWith("/v1/drafts/")) {
            return "GET".equals(method) ? READ_DRAFTS : REVIEWER;
        }
        return null;
    }

    public int port() {
        return app.port();
    }

    /**
     * The backends' models, and each approved adapter as {@code BASE:ADAPTER} where its base model is served: what a
     * client may ask for (ADR 0018). Draft, evaluated and retired adapters are not listed.
     */
    private static void models(Context ctx, List<ChatBackend> backends,
            org.clinigate.core.registry.ModelRegistry registry) {
        TreeSet<String> names = new TreeSet<>();
        for (ChatBackend b : backends) {
            names.addAll(b.models());
        }
        if (registry != null) {
            for (org.clinigate.core.registry.RegistryEntry e : registry.list()) {
                if (e.kind() == org.clinigate.core.registry.EntryKind.ADAPTER
                        && e.state() == org.clinigate.core.registry.EntryState.APPROVED && names.contains(e
                                .baseModel())) {
                    names.add(e.baseModel() + ":" + e.name());
                }
            }
        }
        ctx.contentType("application/json").result(Wire.models(names, 1_700_000_000L));
    }

    private static void ready(Context ctx, List<ChatBackend> backends, Readiness database) {
        StringBuilder sb = new StringBuilder("{\"ready\":");
        boolean all = !backends.isEmpty() && database.ready();
        StringBuilder details = new StringBuilder();
        for (ChatBackend b : backends) {
            Readiness r = b.readiness();
            all &= r.ready();
            if (!details.isEmpty()) {
                details.append(',');
            }
            details.append("{\"backend\":").append(quote(b.name())).append(",\"ready\":").append(r.ready())
                    .append(",\"detail\":").append(quote(r.detail())).append('}');
        }
        sb.append(all).append(",\"database\":{\"ready\":").append(database.ready()).append(",\"detail\":")
                .append(quote(database.detail())).append("},\"backends\":[").append(details).append(']');
        if (backends.isEmpty()) {
            sb.append(",\"detail\":").append(quote("no backend is configured: add one under 'backends' in "
                    + "clinigate.yaml (type openai with a url, or type llama-cpp with a model_path), or run "
                    + "'clinigate model pull medgemma-4b-it'"));
        }
        sb.append('}');
        ctx.status(all ? 200 : 503).contentType("application/json").result(sb.toString());
    }

    private static String quote(String s) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s))
                + "\"";
    }

    private static void error(Context ctx, ClinigateException e) {
        int status = ErrorMapping.status(e.code());
        if (status == 401) {
            ctx.header("WWW-Authenticate", ErrorMapping.challenge(e.code()));
        }
        ctx.status(status).contentType("application/json").result(ErrorMapping.body(e));
    }

    private static void record(Context ctx, GatewayMetrics metrics) {
        Long t0 = ctx.attribute(STARTED);
        io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String path = matched == null ? "unmatched" : matched.path;
        if (t0 != null) {
            metrics.request(path, ctx.statusCode(), Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /** Refuses new requests, then lets in-flight ones finish within the grace period. Idempotent. */
    @Override
    public void close() {
        if (stopping.compareAndSet(false, true)) {
            app.stop();
            if (authentication != null) {
                authentication.close();
            }
        }
    }
}
