/**
 * A seeded generator of synthetic clinical text with exact gold PHI spans, for scoring
 * de-identification ({@link org.clinigate.synth.GoldCorpusGenerator}), and its JSON Lines form
 * ({@link org.clinigate.synth.GoldJsonl}).
 *
 * <p>Annotation conventions, which a scorer can rely on:
 *
 * <ul>
 *   <li>Every string written in the shape of an identifier is a span, whoever it belongs to: the
 *       patient, relatives, clinicians, clinics and their phone numbers alike.
 *   <li>Labels, titles and credentials stay outside: "MRN: [12345678]", "Dr. [Maria Lopez]",
 *       "[John Carter], MD", "DEA #[AB1234563]", "[John]'s". Address parts keep their own marks:
 *       "[221 Oak St.]", "[Apt 4B]", "[#12]", "[PO Box 123]", "[Sangamon County]".
 *   <li>A name written as one unit is one span: "[DOE, JANE]", "[SMITH,JOHN]", "[DOE^JANE]".
 *   <li>Street, unit, city and ZIP are separate LOCATION spans; the state is never a span.
 *   <li>A date is one span over the whole expression, the day in "on the [14th]" and month with
 *       year ("[Jan 2023]") included; a bare year and a clock time are never spans. A date followed
 *       by a time ("[03/14/2024] 07:15") spans the date only; the ISO form with its "T" time is one
 *       span.
 *   <li>An age is a span only over 89, and only the number: "[92] y/o", "aged [95]".
 *   <li>A phone extension belongs to its number: "[617-555-0142 ext. 12]". A number in a fax
 *       context is FAX.
 *   <li>Device model numbers ("ICD model A839DR"), medical eponyms, vitals, doses, drug names,
 *       section headers and weekdays are deliberate negatives.
 * </ul>
 */
package org.clinigate.synth;
