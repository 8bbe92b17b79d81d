package org.clinigate.knowledge.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The billable default of a non-billable code, and where a ranking puts it. */
class DefaultChildrenTest {

    private static final IcdCode[] CODES = {
            new IcdCode("H40", "Glaucoma", false),
            new IcdCode("H40.0", "Glaucoma suspect", false),
            new IcdCode("H40.00", "Preglaucoma, unspecified", false),
            new IcdCode("H40.001", "Preglaucoma, unspecified, right eye", true),
            new IcdCode("H40.009", "Preglaucoma, unspecified, unspecified eye", true),
            new IcdCode("H40.01", "Open angle with borderline findings, low risk", false),
            new IcdCode("H40.011", "Open angle with borderline findings, low risk, right eye", true),
            new IcdCode("Z98.5", "Sterilization status", false),
            new IcdCode("Z98.51", "Tubal ligation status", true),
            new IcdCode("Z98.52", "Vasectomy status", true)};

    private final DefaultChildren children = new DefaultChildren(CODES);

    @Test
    void the_default_is_the_descendant_that_says_unspecified_most() {
        assertThat(children.of(1)).isEqualTo(4); // H40.0 -> H40.009
        assertThat(children.of(0)).isEqualTo(4); // H40 -> H40.009
        assertThat(children.of(2)).isEqualTo(4); // H40.00 -> H40.009
    }

    @Test
    void a_category_whose_children_all_name_something_has_no_default() {
        assertThat(children.of(7)).isEqualTo(-1); // Z98.5: tubal ligation or vasectomy, neither is the default
        assertThat(children.of(5)).isEqualTo(-1); // H40.01: its one child is not unspecified
        assertThat(children.of(4)).isEqualTo(-1); // a billable code has none
    }

    @Test
    void the_default_takes_its_ancestors_place_and_the_ancestor_follows() {
        List<double[]> ranked = List.of(new double[]{1, 0.9}, new double[]{7, 0.8}, new double[]{6, 0.7},
                new double[]{4, 0.5});

        List<double[]> out = children.billableFirst(ranked);

        assertThat(out).extracting(r -> (int) r[0]).containsExactly(4, 1, 7, 6);
        assertThat(out.get(0)[1]).isEqualTo(0.9);
    }

    @Test
    void a_default_already_ranked_above_its_ancestor_stays() {
        List<double[]> ranked = List.of(new double[]{4, 0.9}, new double[]{1, 0.8});

        assertThat(children.billableFirst(ranked)).extracting(r -> (int) r[0]).containsExactly(4, 1);
    }
}
