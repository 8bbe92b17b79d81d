package org.clinigate.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    private final Dice dice = new Dice(42L);

    @Test
    void npi_numbers_pass_the_luhn_check_with_the_80840_prefix() {
        assertThat(Identifiers.luhn("80840" + "123456789")).isEqualTo("3");
        for (int i = 0; i < 200; i++) {
            String npi = Identifiers.npi(dice);
            assertThat(npi).hasSize(10);
            assertThat(Identifiers.luhn("80840" + npi.substring(0, 9))).isEqualTo(npi.substring(9));
        }
    }

    @Test
    void dea_numbers_carry_a_valid_check_digit_and_the_prescriber_initial() {
        Person prescriber = new Person("Amit", "Okafor", false);
        for (int i = 0; i < 200; i++) {
            String dea = Identifiers.dea(dice, prescriber);
            assertThat(dea).matches("[ABFGM]O\\d{7}");
            int[] d = dea.substring(2).chars().map(c -> c - '0').toArray();
            assertThat((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10).isEqualTo(d[6]);
        }
    }

    @Test
    void vins_have_seventeen_characters_and_a_valid_check_digit() {
        assertThat(Identifiers.vin(dice)).hasSize(17);
        String known = "1HGCM82633A004352";
        assertThat(checkDigit(known)).isEqualTo(known.charAt(8));
        for (int i = 0; i < 200; i++) {
            String vin = Identifiers.vin(dice);
            assertThat(vin).matches("[A-HJ-NPR-Z0-9]{8}[0-9X][A-HJ-NPR-Z0-9]{8}");
            assertThat(checkDigit(vin)).isEqualTo(vin.charAt(8));
        }
    }

    @Test
    void payment_cards_pass_the_luhn_check() {
        for (int i = 0; i < 200; i++) {
            String digits = Identifiers.paymentCard(dice).replaceAll("\\D", "");
            assertThat(digits).hasSize(16);
            assertThat(Identifiers.luhn(digits.substring(0, 15))).isEqualTo(digits.substring(15));
        }
    }

    @Test
    void medicare_identifiers_follow_the_mbi_pattern() {
        for (int i = 0; i < 200; i++) {
            assertThat(Identifiers.mbi(dice).replace("-", ""))
                    .matches("[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d"
                            + "[AC-HJKMNP-RT-Y]{2}\\d{2}");
        }
    }

    @Test
    void social_security_numbers_avoid_invalid_areas() {
        for (int i = 0; i < 500; i++) {
            String ssn = Identifiers.ssnDigits(dice);
            assertThat(ssn).hasSize(9).doesNotStartWith("000").doesNotStartWith("666").doesNotStartWith("9");
        }
    }

    private static char checkDigit(String vin) {
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        String values = "12345678123457923456789";
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = vin.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : values.charAt(letters.indexOf(c)) - '0';
            sum += v * weights[i];
        }
        int check = sum % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }
}
