package org.clinigate.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.clinigate.core.phi.PhiCategory;

/** The dataset card of one prepared dataset, as JSON and as Markdown. Counts and settings only. */
record DatasetCard(PrepareReport report, Finetune.Settings settings, String created) {

    String json() {
        ObjectNode root = Finetune.JSON.createObjectNode();
        root.put("dataset", "clinigate-finetune").put("created", created)
                .put("format", "JSONL, one {\"messages\": [system?, user, assistant]} per line; the assistant turn "
                        + "is the target");
        ObjectNode counts = root.putObject("counts");
        counts.put("read", report.read()).put("kept", report.train() + report.eval()).put("train", report.train())
                .put("eval", report.eval()).put("train_groups", report.trainGroups())
                .put("eval_groups", report.evalGroups()).put("groups_in_both", report.groupsInBoth());
        ObjectNode sources = root.putObject("sources");
        report.sources().forEach(sources::put);
        root.putObject("skipped").put("drafts_not_signed", report.draftsNotSigned())
                .put("drafts_without_input", report.draftsWithoutInput())
                .put("dropped_residual_phi", report.deid().droppedResidual())
                .put("dropped_canary", report.deid().droppedCanary());
        root.putObject("split").put("unit", "patient: a patient id or pseudonym scope; an example without one is "
                + "its own group").put("eval_fraction", settings.evalFraction()).put("seed", settings.seed());
        ObjectNode d = root.putObject("deidentification");
        DeidReport r = report.deid();
        d.put("mode", "pseudonym, one scope per example, mapping discarded")
                .put("spans_removed_total", r.removedTotal());
        d.set("spans_removed", categories(r.removed()));
        d.put("residual_hits", 0).put("residual_checked", "the detector re-run over every kept example");
        d.put("dropped_residual", r.droppedResidual());
        d.set("residual_in_dropped", categories(r.residualInDropped()));
        d.put("canaries_checked", r.canaries()).put("canary_examples_in_input", r.canaryExamplesInInput())
                .put("dropped_canary", r.droppedCanary()).put("canaries_in_output", report.canariesInOutput());
        root.set("recipe", Finetune.JSON.valueToTree(settings.recipe().settings()));
        try {
            return Finetune.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode categories(Map<PhiCategory, Integer> counts) {
        ObjectNode n = Finetune.JSON.createObjectNode();
        new TreeMap<>(counts).forEach((k, v) -> n.put(k.name(), v));
        return n;
    }

    String markdown() {
        DeidReport r = report.deid();
        StringBuilder sb = new StringBuilder();
        sb.append("# Dataset card\n\n");
        sb.append("Prepared by `clinigate finetune prepare` on ").append(created).append(". Chat-format JSONL: each ")
                .append("line is `{\"messages\": [system, user, assistant]}`; the assistant turn (for drafts, the ")
                .append("reviewer's signed text) is the training target.\n\n");
        sb.append("## Counts\n\n| | examples | patients (groups) |\n|---|---|---|\n");
        sb.append("| train (`train.jsonl`) | ").append(report.train()).append(" | ").append(report.trainGroups())
                .append(" |\n");
        sb.append("| eval (`eval.jsonl`) | ").append(report.eval()).append(" | ").append(report.evalGroups())
                .append(" |\n");
        sb.append("| in both | | ").append(report.groupsInBoth()).append(" |\n\n");
        sb.append("## Sources\n\n| source | examples read |\n|---|---|\n");
        report.sources().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        sb.append("\nSkipped: ").append(report.draftsNotSigned()).append(" drafts not signed, ")
                .append(report.draftsWithoutInput()).append(" signed drafts without a kept input.\n\n");
        sb.append("## Split\n\nBy patient (patient id or pseudonym scope; an example without one is its own group), ")
                .append("deterministic: SHA-256 of seed and group. Eval fraction ").append(settings.evalFraction())
                .append(", seed ").append(settings.seed()).append(".\n\n");
        sb.append("## De-identification\n\nEvery turn was de-identified (pseudonyms, one scope per example, mapping ")
                .append("discarded), then the detector ran again over the result; an example with any residual hit ")
                .append("or canary was dropped.\n\n");
        sb.append("| check | result |\n|---|---|\n");
        sb.append("| spans removed | ").append(r.removedTotal()).append(' ').append(new TreeMap<>(r.removed()))
                .append(" |\n");
        sb.append("| residual detector hits in the output | 0 |\n");
        sb.append("| examples dropped for residual hits | ").append(r.droppedResidual()).append(' ')
                .append(new TreeMap<>(r.residualInDropped())).append(" |\n");
        sb.append("| canary values checked | ").append(r.canaries()).append(" |\n");
        sb.append("| examples holding a canary in the input | ").append(r.canaryExamplesInInput()).append(" |\n");
        sb.append("| examples dropped for a canary | ").append(r.droppedCanary()).append(" |\n");
        sb.append("| canaries found in the output files | ").append(report.canariesInOutput()).append(" |\n\n");
        sb.append("## Recipe\n\nSee `recipe/README.md`: ").append(settings.recipe().settings()).append(".\n");
        return sb.toString();
    }
}
