package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStore;
import org.clinigate.core.pipeline.ScopeKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The review API: re-linked for the reviewer, de-identified at rest, optimistic locking, roles and tenants. */
class DraftsIT {

    static Gateway gateway;
    static String clinician;
    static String reviewer;
    static String otherTenantReviewer;

    @BeforeAll
    static void start() {
        gateway = new Gateway(new ScriptedBackend(), Map.of("CLINIGATE_AUTH_MODE", "keys"));
        clinician = gateway.store.apiKeys().create("ward-9", "clinician").secret();
        reviewer = gateway.store.apiKeys().create("ward-9", "reviewer").secret();
        otherTenantReviewer = gateway.store.apiKeys().create("ward-10", "reviewer").secret();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static HttpResponse<String> call(String key, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(gateway.uri(path)).header("Authorization", "Bearer " + key);
        b = body == null
                ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(body));
        return gateway.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A chat in a conversation puts the patient's name in the vault; the draft refers to it by pseudonym. */
    static Draft draftAbout(String conversation, String task) throws Exception {
        var chat = gateway.http.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + clinician)
                .POST(HttpRequest.BodyPublishers.ofString(Gateway.chat("Pt Zarvik Quillonby seen today.", false,
                        conversation)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chat.statusCode()).isEqualTo(200);
        ScopeKey scope = ScopeKey.conversation("ward-9", conversation);
        return gateway.store.drafts().create(new DraftStore.NewDraft("ward-9", scope.kind(), scope.idHash(), task,
                "test-model", "v1", List.of("guideline-x#1"), List.of("certainty-language"),
                "Summary: [NAME_1] was seen; stable."));
    }

    @Test
    void a_reviewer_sees_real_values_edits_and_signs_while_the_database_keeps_pseudonyms() throws Exception {
        Draft d = draftAbout("conv-d1", "note-summary");
        var list = call(reviewer, "GET", "/v1/drafts?status=preliminary", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(d.id()).doesNotContain("Quillonby");

        var view = call(reviewer, "GET", "/v1/drafts/" + d.id(), null);
        assertThat(Gateway.json(view.body()).path("text").asText()).contains("Zarvik Quillonby")
                .doesNotContain("[NAME_1]");

        var edit = call(reviewer, "PUT", "/v1/drafts/" + d.id(),
                "{\"version\":1,\"text\":\"Summary: Zarvik Quillonby was seen by Dr. Emberlyn Voss; stable.\"}");
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(Gateway.json(edit.body()).path("text").asText()).contains("Zarvik Quillonby")
                .contains("Emberlyn Voss");
        try (var c = gateway.store.database().connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_text FROM draft WHERE id = '" + d.id() + "'")) {
            rs.next();
            assertThat(rs.getString(1)).contains("[NAME_1]").doesNotContain("Quillonby").doesNotContain("Voss");
        }

        var stale = call(reviewer, "POST", "/v1/drafts/" + d.id() + "/sign", "{\"version\":1}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("CG-6102");
        var signed = call(reviewer, "POST", "/v1/drafts/" + d.id() + "/sign", "{\"version\":2}");
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(Gateway.json(signed.body()).path("status").asText()).isEqualTo("final");
        var twice = call(reviewer, "POST", "/v1/drafts/" + d.id() + "/sign", "{\"version\":3}");
        assertThat(twice.statusCode()).isEqualTo(409);

        var fhir = call(clinician, "GET", "/v1/drafts/" + d.id() + "/fhir", null);
        assertThat(fhir.statusCode()).isEqualTo(200);
        assertThat(fhir.headers().firstValue("Content-Type").orElse("")).contains("fhir+json");
        assertThat(fhir.body()).contains("\"resourceType\":\"Composition\"").contains("\"status\":\"final\"")
                .contains("Provenance").contains("Zarvik Quillonby");
    }

    @Test
    void an_edit_to_a_draft_written_outside_any_scope_keeps_its_real_values_for_the_reviewer() throws Exception {
        Draft d = gateway.store.drafts().create(new DraftStore.NewDraft("ward-9", null, null, "ask", "test-model", "v1",
                List.of(), List.of(), "Answer: see the guideline."));
        var edit = call(reviewer, "PUT", "/v1/drafts/" + d.id(),
                "{\"version\":1,\"text\":\"Answer: discussed with Dr. Emberlyn Voss; see the guideline.\"}");
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(Gateway.json(call(reviewer, "GET", "/v1/drafts/" + d.id(), null).body()).path("text").asText())
                .contains("Emberlyn Voss");
        assertThat(gateway.store.drafts().get("ward-9", d.id()).orElseThrow().text()).doesNotContain("Voss")
                .contains("[NAME_");
    }

    @Test
    void roles_and_tenants_are_enforced_and_rejection_needs_a_reason() throws Exception {
        Draft d = draftAbout("conv-d2", "radiology-draft");
        assertThat(call(clinician, "POST", "/v1/drafts/" + d.id() + "/sign", "{\"version\":1}").statusCode())
                .isEqualTo(403);
        assertThat(call(otherTenantReviewer, "GET", "/v1/drafts/" + d.id(), null).statusCode()).isEqualTo(404);
        assertThat(call(otherTenantReviewer, "POST", "/v1/drafts/" + d.id() + "/sign", "{\"version\":1}")
                .statusCode()).isEqualTo(404);
        assertThat(call(otherTenantReviewer, "GET", "/v1/drafts", null).body()).doesNotContain(d.id());
        assertThat(call(reviewer, "POST", "/v1/drafts/" + d.id() + "/reject", "{\"version\":1}").statusCode())
                .isEqualTo(400);
        assertThat(call(reviewer, "POST", "/v1/drafts/" + d.id() + "/sign", "{}").statusCode()).isEqualTo(400);
        assertThat(call(reviewer, "POST", "/v1/drafts/" + d.id() + "/sign", "{not json").statusCode())
                .isEqualTo(400);
        var rejected = call(reviewer, "POST", "/v1/drafts/" + d.id() + "/reject",
                "{\"version\":1,\"reason\":\"Wrong side: Zarvik Quillonby had a left, not right, film.\"}");
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(Gateway.json(rejected.body()).path("reject_reason").asText()).contains("Zarvik Quillonby");
        assertThat(call(reviewer, "GET", "/v1/drafts/" + d.id() + "/fhir", null).statusCode()).isEqualTo(409);
        assertThat(call(reviewer, "GET", "/v1/drafts/no-such-id", null).statusCode()).isEqualTo(404);
        assertThat(call(reviewer, "GET", "/v1/drafts?status=bogus", null).statusCode()).isEqualTo(400);
        var records = gateway.store.auditLog().read(1, 1000);
        assertThat(records).anyMatch(r -> r.event().endpoint().equals("POST /v1/drafts/" + d.id() + "/reject"));
        assertThat(records.toString()).doesNotContain("Quillonby");
    }
}
