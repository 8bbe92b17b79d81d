package org.clinigate.eval.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.clinigate.eval.run.ItemRecord;

/** Every item's grade, one compact row each (no prompt or output text), inside a closed {@code <details>}. */
final class ItemTable {

    private ItemTable() {
    }

    static void render(StringBuilder b, Collection<ItemRecord> records) {
        List<ItemRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(ItemRecord::id));
        b.append("<h2>All items</h2><details><summary>").append(sorted.size()).append(
                " items: id, groups, status, what was read, score, latency</summary><table id=\"items\"><tr><th>id"
                        + "</th><th>groups</th><th>status</th><th>read</th><th>score</th><th>ms</th></tr>");
        for (ItemRecord r : sorted) {
            String read = r.grade() == null || r.grade().extracted() == null ? "" : r.grade().extracted();
            b.append("<tr><td>").append(Html.esc(r.id())).append("</td><td>").append(Html.esc(String.join(", ", r
                    .groups().values()))).append("</td><td>").append(Html.esc(r.status())).append("</td><td>").append(
                            Html.esc(read))
                    .append("</td><td class=\"num\">").append(r.score() == null
                            ? "\u2013"
                            : Html.num(r.score()))
                    .append("</td><td class=\"num\">").append(r.latencyMs())
                    .append("</td></tr>");
        }
        b.append("</table></details>");
    }
}
