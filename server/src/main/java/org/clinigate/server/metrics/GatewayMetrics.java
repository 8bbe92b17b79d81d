package org.clinigate.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.pipeline.PipelineObserver;

/**
 * The gateway's Prometheus metrics. Tags carry endpoints, statuses, model names, categories and error
 * codes, never request content or ids. Thread safe.
 */
public final class GatewayMetrics implements PipelineObserver {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger activeStreams = new AtomicInteger();
    private final java.util.Map<String, Timer> stages = new java.util.concurrent.ConcurrentHashMap<>();
    /** One counter per category, built on first use: every call reports its spans. */
    private final java.util.Map<PhiCategory, Counter> phiSpans = new java.util.concurrent.ConcurrentHashMap<>();

    public GatewayMetrics() {
        registry.gauge("clinigate.streams.active", activeStreams);
    }

    /** One finished HTTP request. */
    public void request(String endpoint, int status, Duration took) {
        Timer.builder("clinigate.requests").description("HTTP requests by endpoint and status")
                .tag("endpoint", endpoint).tag("status", Integer.toString(status)).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry).record(took);
    }

    /** Time from the request's arrival to the first streamed byte. */
    public void firstByte(String model, Duration took) {
        Timer.builder("clinigate.stream.first.byte").tag("model", model).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry).record(took);
    }

    /**
     * What the gateway added to one served call: its time from the request's arrival at the handler to the answer,
     * less the backend's time (the {@code gateway} part of the call's {@code Server-Timing}).
     */
    public void overhead(String model, long nanos) {
        Timer.builder("clinigate.gateway.overhead").description("Gateway time per served call, backend excluded")
                .tag("model", model).publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry).record(nanos,
                        java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** One pipeline stage of one call (see {@link PipelineObserver#stage}). */
    @Override
    public void stage(String stage, long nanos) {
        // Six stages per call on the hot path: each timer is built and registered once.
        stages.computeIfAbsent(stage, s -> Timer.builder("clinigate.pipeline.stage")
                .description("Time per pipeline stage of a non-streamed call").tag("stage", s)
                .publishPercentiles(0.5, 0.95, 0.99).register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void tokens(String model, int prompt, int completion) {
        Counter.builder("clinigate.tokens").tag("model", model).tag("kind", "prompt").register(registry)
                .increment(prompt);
        Counter.builder("clinigate.tokens").tag("model", model).tag("kind", "completion").register(registry)
                .increment(completion);
    }

    /** A backend or pipeline failure, by stable code. */
    /** One call's rail outcomes: a count per rail verdict, and per rule that fired (rule ids only, never text). */
    public void rails(org.clinigate.core.pipeline.ChatPipeline.Rails rails) {
        registry.counter("clinigate.rail.verdicts", "rail", "input", "verdict", rails.input().label())
                .increment();
        registry.counter("clinigate.rail.verdicts", "rail", "output", "verdict", rails.output().label())
                .increment();
        for (org.clinigate.core.rails.RailFlag f : rails.flags()) {
            registry.counter("clinigate.rail.flags", "rule", f.rule(), "severity",
                    f.severity().name().toLowerCase(java.util.Locale.ROOT)).increment();
        }
    }

    public void error(ErrorCode code) {
        Counter.builder("clinigate.errors").tag("code", code.code()).register(registry).increment();
    }

    public void streamStarted() {
        activeStreams.incrementAndGet();
    }

    public void streamEnded() {
        activeStreams.decrementAndGet();
    }

    @Override
    public void phiFound(Map<PhiCategory, Integer> counts) {
        for (Map.Entry<PhiCategory, Integer> e : counts.entrySet()) {
            phiSpans.computeIfAbsent(e.getKey(), c -> Counter.builder("clinigate.phi.spans")
                    .description("identifiers replaced in prompts, by category").tag("category", c.name())
                    .register(registry)).increment(e.getValue());
        }
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
