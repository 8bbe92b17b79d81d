package org.clinigate.fhir.audit;

import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.audit.AuditRecord;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityDetailComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventSourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Turns records of Clinigate's audit chain into FHIR R4 {@code AuditEvent} resources shaped by the IHE Basic Audit
 * Log Patterns (BALP, ITI, v1.1.x).
 *
 * <p><b>Mapping.</b> A {@code POST} is a RESTful create ({@code rest}/{@code create}, action {@code C}); any other
 * method is a RESTful search ({@code rest}/{@code search}, action {@code E}). The agents follow BALP's pattern:
 * the client as <i>Source Role ID</i> (DICOM 110153), the gateway as <i>Destination Role ID</i> (110152) with its
 * network address, and the authenticated user (the API key id or the token subject, identified within its tenant)
 * as the requestor with its Clinigate role. The source is the gateway, typed as an application server. One
 * entity, typed <i>System Object</i>, carries the chain position (sequence, previous hash, hash) and what the record
 * holds: the de-identified prompt's and answer's SHA-256, the model, the task, token counts, latency, rail flags and
 * the error code. Prompt and answer text are never exported, even when the store keeps them.
 *
 * <p><b>Profiles.</b> BALP's Create and Query profiles describe <i>successful</i> interactions (their outcome is
 * fixed to {@code 0}), so only allowed records claim them in {@code meta.profile}. Denied records (a 4xx) carry
 * outcome {@code 4}, errors (a 5xx) outcome {@code 8}; their shape is the same. See ADR 0011.
 *
 * <p>Stateless and thread safe.
 */
public final class BalpAuditEvents {

    /** BALP: a successful RESTful create. */
    public static final String PROFILE_CREATE = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Create";
    /** BALP: a successful RESTful query. */
    public static final String PROFILE_QUERY = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Query";

    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String ROLE_CLASS = "http://terminology.hl7.org/CodeSystem/v3-RoleClass";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    /** Clinigate's own code system for its roles (clinician, reviewer, researcher, admin). */
    public static final String ROLE_SYSTEM = "urn:clinigate:role";
    /** Prefix of the identifier system that names a principal within its tenant. */
    public static final String TENANT_SYSTEM_PREFIX = "urn:clinigate:tenant:";
    /** Identifier system of audit chain records: the value is the sequence number. */
    public static final String RECORD_SYSTEM = "urn:clinigate:audit-record";

    private final String gatewayName;
    private final String gatewayAddress;

    /**
     * @param gatewayName how the gateway names itself as audit source and server agent, for example
     *        {@code clinigate@ward-7}
     * @param gatewayAddress the gateway's network address (host name or IP) as clients reach it
     */
    public BalpAuditEvents(String gatewayName, String gatewayAddress) {
        this.gatewayName = requireText(gatewayName, "gatewayName");
        this.gatewayAddress = requireText(gatewayAddress, "gatewayAddress");
    }

    /** The FHIR resource of one chain record. */
    public org.hl7.fhir.r4.model.AuditEvent toFhir(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        AuditEvent event = record.event();
        boolean create = event.endpoint().toUpperCase(Locale.ROOT).startsWith("POST ");
        var fhir = new org.hl7.fhir.r4.model.AuditEvent();
        fhir.setId("clinigate-audit-" + record.sequence());
        if (event.outcome() == AuditOutcome.ALLOWED) {
            fhir.getMeta().addProfile(create ? PROFILE_CREATE : PROFILE_QUERY);
        }
        fhir.setType(new Coding(AUDIT_EVENT_TYPE, "rest", "Restful Operation"));
        fhir.addSubtype(create
                ? new Coding(RESTFUL_INTERACTION, "create", "create")
                : new Coding(RESTFUL_INTERACTION, "search", "search"));
        fhir.setAction(create ? AuditEventAction.C : AuditEventAction.E);
        fhir.setRecorded(Date.from(record.time()));
        fhir.setOutcome(outcome(event.outcome()));
        fhir.setOutcomeDesc(outcomeDescription(event));

        fhir.addAgent(clientAgent(event));
        fhir.addAgent(serverAgent());
        fhir.addAgent(userAgent(event, create));
        fhir.setSource(source());
        fhir.addEntity(recordEntity(record, event));
        return fhir;
    }

    private static AuditEventOutcome outcome(AuditOutcome outcome) {
        return switch (outcome) {
            case ALLOWED -> AuditEventOutcome._0;
            case DENIED -> AuditEventOutcome._4;
            case ERROR -> AuditEventOutcome._8;
        };
    }

    private static String outcomeDescription(AuditEvent event) {
        String text = event.outcome().name().toLowerCase(Locale.ROOT) + ", HTTP " + event.httpStatus();
        return event.errorCode() == null ? text : text + ", " + event.errorCode();
    }

    private static AuditEventAgentComponent clientAgent(AuditEvent event) {
        var agent = new AuditEventAgentComponent();
        agent.setType(concept(DCM, "110153", "Source Role ID"));
        agent.setWho(principalReference(event));
        agent.setRequestor(false);
        return agent;
    }

    private AuditEventAgentComponent serverAgent() {
        var agent = new AuditEventAgentComponent();
        agent.setType(concept(DCM, "110152", "Destination Role ID"));
        agent.setWho(new Reference().setDisplay(gatewayName));
        agent.setRequestor(false);
        agent.setNetwork(new AuditEventAgentNetworkComponent().setAddress(gatewayAddress)
                .setType(networkType(gatewayAddress)));
        return agent;
    }

    private static AuditEventAgentComponent userAgent(AuditEvent event, boolean create) {
        var agent = new AuditEventAgentComponent();
        // BALP's user agent types: the information recipient for a query, the agent for a push or create.
        agent.setType(create
                ? concept(ROLE_CLASS, "AGNT", "agent")
                : concept(PARTICIPATION_TYPE, "IRCP", "information recipient"));
        agent.setWho(principalReference(event));
        agent.addRole(concept(ROLE_SYSTEM, event.role(), event.role()));
        agent.setRequestor(true);
        return agent;
    }

    private static Reference principalReference(AuditEvent event) {
        return new Reference().setIdentifier(
                new Identifier().setSystem(TENANT_SYSTEM_PREFIX + event.tenant()).setValue(event.principal()));
    }

    private AuditEventSourceComponent source() {
        var source = new AuditEventSourceComponent();
        source.setObserver(new Reference().setDisplay(gatewayName));
        source.addType(new Coding(SOURCE_TYPE, "4", "Application Server"));
        return source;
    }

    private static AuditEventEntityComponent recordEntity(AuditRecord record, AuditEvent event) {
        var entity = new AuditEventEntityComponent();
        entity.setWhat(new Reference().setIdentifier(
                new Identifier().setSystem(RECORD_SYSTEM).setValue(Long.toString(record.sequence()))));
        entity.setType(new Coding(ENTITY_TYPE, "2", "System Object"));
        entity.setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"));
        entity.setName(event.endpoint());
        detail(entity, "endpoint", event.endpoint());
        detail(entity, "httpStatus", Integer.toString(event.httpStatus()));
        detail(entity, "errorCode", event.errorCode());
        detail(entity, "model", event.model());
        detail(entity, "task", event.task());
        detail(entity, "promptTokens", Integer.toString(event.promptTokens()));
        detail(entity, "completionTokens", Integer.toString(event.completionTokens()));
        detail(entity, "latencyMicros", Long.toString(event.latencyMicros()));
        if (!event.railFlags().isEmpty()) {
            detail(entity, "railFlags", String.join(",", event.railFlags()));
        }
        detail(entity, "promptSha256", event.promptDigest());
        detail(entity, "responseSha256", event.responseDigest());
        detail(entity, "chainPreviousHash", record.previousHash());
        detail(entity, "chainHash", record.hash());
        return entity;
    }

    private static void detail(AuditEventEntityComponent entity, String type, String value) {
        if (value != null && !value.isEmpty()) {
            entity.addDetail(new AuditEventEntityDetailComponent().setType(type)
                    .setValue(new org.hl7.fhir.r4.model.StringType(value)));
        }
    }

    /** 2: an IP address, 1: a machine name. */
    static AuditEventAgentNetworkType networkType(String address) {
        boolean ip = address.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                || address.indexOf(':') >= 0 && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':');
        return ip ? AuditEventAgentNetworkType._2 : AuditEventAgentNetworkType._1;
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
