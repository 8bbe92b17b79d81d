package org.clinigate.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundledRuleSetsTest {

    private final RuleSetLoader loader = new RuleSetLoader(Detectors.standard());

    @Test
    void every_input_rule_passes_its_own_tests() {
        RuleSet set = loader.resource(RuleSetLoader.INPUT_RESOURCE);
        assertThat(set.stage()).isEqualTo(RuleSet.Stage.INPUT);
        assertThat(new RuleSetRail(set).selfTest()).isEmpty();
    }

    @Test
    void every_output_rule_passes_its_own_tests() {
        RuleSet set = loader.resource(RuleSetLoader.OUTPUT_RESOURCE);
        assertThat(set.stage()).isEqualTo(RuleSet.Stage.OUTPUT);
        assertThat(new RuleSetRail(set).selfTest()).isEmpty();
    }
}
