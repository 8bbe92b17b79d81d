/**
 * The medication checker: a dose-limit table written from FDA labels ({@link
 * org.clinigate.safety.medication.DoseTable}), a table of contraindicated or dangerous pairs ({@link
 * org.clinigate.safety.medication.Interactions}), an extractor of drug, dose, unit, route and frequency from free
 * text ({@link org.clinigate.safety.medication.MedicationExtractor}), and the checker that compares the two ({@link
 * org.clinigate.safety.medication.MedicationChecker}). The tables are demo content for a gateway's rails, not a
 * prescribing reference; see ADR 0014.
 */
package org.clinigate.safety.medication;
