package org.clinigate.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.health.Readiness;
import org.clinigate.core.pipeline.ChatPipeline;
import org.clinigate.core.pipeline.InMemoryVault;
import org.clinigate.deid.ClinicalDeidentifier;
import org.clinigate.inference.BackendRouter;
import org.clinigate.inference.llama.LlamaBackend;
import org.clinigate.server.config.GatewayConfig;
import org.clinigate.server.http.GatewayServer;
import org.clinigate.server.metrics.GatewayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the gateway is assembled: backends from configuration, the de-identifier, the
 * vault, the pipeline and the HTTP server. Later stages (authentication, quotas, rails, audit) are
 * wired here too. In-process models load in the background, so the server answers {@code /readyz}
 * while they do.
 */
public final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    static final String NO_MODEL = "no model is configured: add a backend to clinigate.yaml (type openai with a "
            + "url, or type llama-cpp with a model_path), or run 'clinigate model pull medgemma-4b-it'";

    private final GatewayServer server;
    private final List<ChatBackend> backends;
    private final java.util.concurrent.ScheduledExecutorService probes;
    private final org.clinigate.store.Store store;
    private final LazyIndex knowledge;

    private Application(GatewayServer server, List<ChatBackend> backends,
            java.util.concurrent.ScheduledExecutorService probes, org.clinigate.store.Store store,
            LazyIndex knowledge) {
        this.server = server;
        this.backends = backends;
        this.probes = probes;
        this.store = store;
        this.knowledge = knowledge;
    }

    /** The store settings: an H2 file under {@code data_dir} unless {@code db.url} names another database. */
    public static org.clinigate.store.StoreConfig storeConfig(GatewayConfig config) {
        org.clinigate.store.StoreConfig sc = org.clinigate.store.StoreConfig
                .embedded(java.nio.file.Path.of(config.dataDir()));
        String url = config.db().url();
        if (url != null && !url.isEmpty()) {
            sc = sc.withUrl(url, config.db().user(), config.db().passwordEnv());
        }
        GatewayConfig.Vault v = config.vault();
        if ("database".equals(v.kind())) {
            java.nio.file.Path file = java.nio.file.Path.of(config.dataDir()).resolve(v.keysetFile());
            sc = sc.withVault(sc.vault().withKeyset(v.keysetEnv() == null || v.keysetEnv().isBlank()
                    ? null
                    : v.keysetEnv(), file).withRetention(Duration.ofDays(v.retentionDays()))
                    .withCacheScopes(Math.min(v.maxScopes(), 1_000_000)));
        }
        return sc.withAudit(sc.audit().withStoreText(config.audit().storeText())
                .withCheckpointInterval(config.audit().checkpointEvery()).withJournal(config.audit().journal()));
    }

    public static Application start(GatewayConfig config, Map<String, String> env) {
        java.util.concurrent.ScheduledExecutorService probes = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("backend-probe").factory());
        List<ChatBackend> created = Backends.create(config.backends(), env);
        List<ChatBackend> backends = new java.util.ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            GatewayConfig.Backend b = config.backends().get(i);
            backends.add("openai".equals(b.type())
                    ? new ProbedBackend(created.get(i), java.net.URI.create(b.url()), probes, Duration.ofSeconds(5))
                    : created.get(i));
        }
        for (ChatBackend b : backends) {
            if (b instanceof LlamaBackend llama) { // in-process backends are never wrapped
                Thread.ofVirtual().name("load-" + b.name()).start(() -> load(llama));
            }
        }
        org.clinigate.store.Store store = org.clinigate.store.Store.open(storeConfig(config), env::get);
        // Requests that name BASE:ADAPTER reach approved adapters only (ADR 0018); plain model names pass.
        ChatBackend route = new org.clinigate.core.registry.AdapterGate(
                backends.isEmpty() ? new Unconfigured() : new BackendRouter(backends), store.modelRegistry());
        GatewayMetrics metrics = new GatewayMetrics();
        ChatPipeline pipeline;
        GatewayServer.Review review;
        LazyIndex knowledge = knowledge(config);
        try {
            ClinicalDeidentifier deid = deidentifier(config);
            org.clinigate.core.pipeline.PhiVault vault = vault(config, store, probes);
            org.clinigate.safety.SafetyRails rails = rails(config);
            pipeline = rails == null
                    ? new ChatPipeline(deid, route, vault, metrics)
                    : new ChatPipeline(deid, route, vault, metrics, rails.input(), rails.output());
            review = new GatewayServer.Review(store.drafts(), vault, deid, knowledge, terminology(config),
                    store.draftInputs(), store.modelRegistry(), new org.clinigate.core.registry.Governance(
                            store.modelRegistry(), store.auditLog(), config.registry().asThresholds()));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        try {
            return new Application(GatewayServer.start(config, pipeline, backends, metrics, store.auditLog(),
                    store.apiKeys(), quotas(config, store, probes), store::readiness, review), backends,
                    probes, store, knowledge);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The PHI vault: the store's encrypted one (its keyset resolved now, so a bad keyset stops the start, and its
     * expired scopes purged hourly), or one in memory.
     */
    private static org.clinigate.core.pipeline.PhiVault vault(GatewayConfig config, org.clinigate.store.Store store,
            java.util.concurrent.ScheduledExecutorService scheduler) {
        if (!"database".equals(config.vault().kind())) {
            return new InMemoryVault(config.vault().maxScopes());
        }
        org.clinigate.store.vault.JdbcPhiVault vault = store.phiVault();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int purged = vault.purgeExpired();
                if (purged > 0) {
                    LOG.info("vault: purged {} scopes past retention", purged);
                }
            } catch (RuntimeException e) {
                LOG.warn("vault purge failed: {}", e.getClass().getSimpleName());
            }
        }, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
        return vault;
    }

    /** The rules, plus the site's learned tagger when {@code deid.model} names one (a bad file stops the start). */
    static ClinicalDeidentifier deidentifier(GatewayConfig config) {
        String model = config.deid() == null ? "" : config.deid().model();
        if (model == null || model.isBlank()) {
            return ClinicalDeidentifier.create();
        }
        java.nio.file.Path file = java.nio.file.Path.of(config.dataDir()).resolve(model);
        return ClinicalDeidentifier.create(org.clinigate.deid.detect.LearnedTagger.load(file));
    }

    /** The safety rails, bundled or from the configured files; null when disabled. A bad rule file stops the start. */
    public static org.clinigate.safety.SafetyRails rails(GatewayConfig config) {
        GatewayConfig.Rails r = config.rails();
        if (r == null || !r.enabled()) {
            return null;
        }
        var b = org.clinigate.safety.SafetyRails.builder();
        if (r.inputRules() != null && !r.inputRules().isBlank()) {
            b.inputRules(java.nio.file.Path.of(r.inputRules()));
        }
        if (r.outputRules() != null && !r.outputRules().isBlank()) {
            b.outputRules(java.nio.file.Path.of(r.outputRules()));
        }
        if (r.doseTable() != null && !r.doseTable().isBlank()) {
            b.doseTable(java.nio.file.Path.of(r.doseTable()));
        }
        return b.build();
    }

    /**
     * The guideline index under {@code data_dir/knowledge}, opened on first use (loading the embedding model takes
     * seconds) and filled with the starter corpus when empty. One process per index folder; closing closes it if it
     * was opened.
     */
    public static final class LazyIndex
            implements
                java.util.function.Supplier<org.clinigate.knowledge.KnowledgeIndex>,
                AutoCloseable {

        private final java.nio.file.Path dir;
        private org.clinigate.knowledge.KnowledgeIndex index;

        LazyIndex(java.nio.file.Path dir) {
            this.dir = dir;
        }

        @Override
        public synchronized org.clinigate.knowledge.KnowledgeIndex get() {
            if (index == null) {
                index = org.clinigate.knowledge.KnowledgeIndex.open(dir);
                if (index.list().isEmpty()) {
                    index.addAll(org.clinigate.knowledge.starter.StarterCorpus.documents());
                    index.commit();
                    LOG.info("knowledge: indexed the starter corpus (demo content, not authoritative)");
                }
            }
            return index;
        }

        @Override
        public synchronized void close() {
            if (index != null) {
                index.close();
                index = null;
            }
        }
    }

    /** The guideline index of this configuration, not yet opened. */
    public static LazyIndex knowledge(GatewayConfig config) {
        return new LazyIndex(java.nio.file.Path.of(config.dataDir()).resolve("knowledge"));
    }

    /** The configured terminology, loaded on first use; a supplier of null when no file is configured. */
    public static java.util.function.Supplier<org.clinigate.knowledge.terminology.Terminology> terminology(
            GatewayConfig config) {
        List<String> files = config.terminology() == null ? List.of() : config.terminology().files();
        if (files.isEmpty()) {
            return () -> null;
        }
        return new java.util.function.Supplier<>() {
            private org.clinigate.knowledge.terminology.Terminology loaded;

            @Override
            public synchronized org.clinigate.knowledge.terminology.Terminology get() {
                if (loaded == null) {
                    java.nio.file.Path[] paths = files.stream().map(java.nio.file.Path::of)
                            .toArray(java.nio.file.Path[]::new);
                    loaded = Boolean.TRUE.equals(config.terminology().semantic())
                            ? org.clinigate.knowledge.terminology.Terminology.load(
                                    new org.clinigate.knowledge.embed.MiniLmEmbedder(),
                                    java.nio.file.Path.of(config.dataDir()).resolve("terminology-cache"), paths)
                            : org.clinigate.knowledge.terminology.Terminology.load(paths);
                }
                return loaded;
            }
        };
    }

    /** The store's quotas; buckets kept in PostgreSQL have their idle, refilled rows removed hourly. */
    private static org.clinigate.core.quota.Quotas quotas(GatewayConfig config, org.clinigate.store.Store store,
            java.util.concurrent.ScheduledExecutorService scheduler) {
        org.clinigate.core.quota.Quotas quotas = store.quotas(quotaLimits(config.quotas()));
        if (quotas instanceof org.clinigate.store.quota.BucketQuotas buckets) {
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    buckets.removeExpired();
                } catch (RuntimeException e) {
                    LOG.warn("quota bucket clean-up failed: {}", e.getClass().getSimpleName());
                }
            }, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
        }
        return quotas;
    }

    /** The quota settings as the core port takes them. */
    public static org.clinigate.core.quota.QuotaLimits quotaLimits(GatewayConfig.Quotas q) {
        var overrides = new java.util.HashMap<String, org.clinigate.core.quota.QuotaLimits.Limit>();
        for (GatewayConfig.TenantQuota o : q.overrides()) {
            overrides.put(o.tenant(),
                    new org.clinigate.core.quota.QuotaLimits.Limit(o.requestsPerMinute(), o.tokensPerMinute()));
        }
        return new org.clinigate.core.quota.QuotaLimits(
                new org.clinigate.core.quota.QuotaLimits.Limit(q.tenant().requestsPerMinute(),
                        q.tenant().tokensPerMinute()),
                new org.clinigate.core.quota.QuotaLimits.Limit(q.key().requestsPerMinute(), q.key().tokensPerMinute()),
                overrides);
    }

    private static void load(LlamaBackend llama) {
        try {
            llama.load();
            LOG.info("backend {} loaded its model", llama.name());
        } catch (ClinigateException e) {
            LOG.warn("backend {} is not ready: {}", llama.name(), e.getMessage());
        }
    }

    public int port() {
        return server.port();
    }

    /** Stops the server (letting streams finish), then closes the backends' connections. */
    @Override
    public void close() {
        server.close();
        probes.shutdownNow();
        for (ChatBackend b : backends) {
            if (b instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing backend {} failed: {}", b.name(), e.getClass().getSimpleName());
                }
            }
        }
        knowledge.close();
        store.close();
    }

    /** Stands in when no backend is configured: every generation answers 503 with the advice. */
    static final class Unconfigured implements ChatBackend {

        @Override
        public String name() {
            return "none";
        }

        @Override
        public Set<String> models() {
            return Set.of();
        }

        @Override
        public ChatResponse complete(ChatRequest request) {
            throw new ClinigateException(ErrorCode.CG_2107, NO_MODEL);
        }

        @Override
        public ChatStream stream(ChatRequest request, ChatSink sink) {
            throw new ClinigateException(ErrorCode.CG_2107, NO_MODEL);
        }

        @Override
        public Readiness readiness() {
            return Readiness.notReady(NO_MODEL);
        }
    }
}
