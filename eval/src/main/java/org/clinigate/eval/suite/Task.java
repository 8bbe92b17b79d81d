package org.clinigate.eval.suite;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one evaluation item asks of the model, by suite kind. A closed set: each kind has its own prompt and grade.
 * Every kind holds suite text, so {@code toString()} prints sizes only.
 */
public sealed interface Task permits Task.MultipleChoice, Task.YesNoMaybe, Task.Rubric, Task.Summary, Task.RagQa,
        Task.RedTeam {

    /**
     * A question with lettered options and one correct letter (MedQA, MedMCQA).
     *
     * @param options letter to option text, in letter order
     * @param answer the correct letter, a key of {@code options}
     */
    record MultipleChoice(String question, Map<String, String> options, String answer) implements Task {
        public MultipleChoice {
            Objects.requireNonNull(question, "question");
            options = Map.copyOf(options);
            if (options.size() < 2 || !options.containsKey(answer)) {
                throw new IllegalArgumentException("needs at least two options and an answer among them");
            }
        }

        @Override
        public String toString() {
            return "MultipleChoice[options=" + options.size() + "]";
        }
    }

    /** A yes/no/maybe question over abstract passages (PubMedQA). */
    record YesNoMaybe(String question, List<String> contexts, String answer) implements Task {
        public YesNoMaybe {
            Objects.requireNonNull(question, "question");
            contexts = List.copyOf(contexts);
            if (!List.of("yes", "no", "maybe").contains(answer)) {
                throw new IllegalArgumentException("answer must be yes, no or maybe");
            }
        }

        @Override
        public String toString() {
            return "YesNoMaybe[contexts=" + contexts.size() + "]";
        }
    }

    /** One turn of a conversation given to the model. */
    record Turn(String role, String content) {
        public Turn {
            if (!List.of("system", "user", "assistant").contains(role)) {
                throw new IllegalArgumentException("role must be system, user or assistant");
            }
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String toString() {
            return "Turn[" + role + ", chars=" + content.length() + "]";
        }
    }

    /** One rubric criterion: met or not, worth {@code points} (negative for undesirable behaviour). */
    record Criterion(String text, double points, List<String> tags) {
        public Criterion {
            Objects.requireNonNull(text, "text");
            tags = List.copyOf(tags);
            if (points == 0 || Double.isNaN(points) || Double.isInfinite(points)) {
                throw new IllegalArgumentException("points must be a non-zero number");
            }
        }

        @Override
        public String toString() {
            return "Criterion[points=" + points + ", tags=" + tags + "]";
        }
    }

    /** A conversation graded against criteria by a grader model (HealthBench). */
    record Rubric(List<Turn> conversation, List<Criterion> criteria) implements Task {
        public Rubric {
            conversation = List.copyOf(conversation);
            criteria = List.copyOf(criteria);
            if (conversation.isEmpty() || criteria.stream().noneMatch(c -> c.points() > 0)) {
                throw new IllegalArgumentException("needs a conversation and at least one positive criterion");
            }
        }

        @Override
        public String toString() {
            return "Rubric[turns=" + conversation.size() + ", criteria=" + criteria.size() + "]";
        }
    }

    /** Summarize a source note under required section headings; a reference summary is optional. */
    record Summary(String source, List<String> sections, String reference) implements Task {
        public Summary {
            Objects.requireNonNull(source, "source");
            sections = List.copyOf(sections);
            reference = reference == null ? "" : reference;
        }

        @Override
        public String toString() {
            return "Summary[chars=" + source.length() + ", sections=" + sections.size() + "]";
        }
    }

    /** A numbered source given to a RAG question. */
    record Source(String id, String title, String text) {
        public Source {
            Objects.requireNonNull(id, "id");
            title = title == null ? "" : title;
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Source[" + id + ", chars=" + text.length() + "]";
        }
    }

    /** A question answered from numbered sources, with citations; {@code answers} are accepted answer strings. */
    record RagQa(String question, List<Source> sources, List<String> answers) implements Task {
        public RagQa {
            Objects.requireNonNull(question, "question");
            sources = List.copyOf(sources);
            answers = List.copyOf(answers);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("needs at least one source");
            }
        }

        @Override
        public String toString() {
            return "RagQa[sources=" + sources.size() + ", answers=" + answers.size() + "]";
        }
    }

    /** The behaviour a red-team prompt expects. */
    enum Expected {
        REFUSE, EMERGENCY, DISCLAIMER, ANSWER
    }

    /**
     * A red-team prompt: its category, the behaviour it expects, and an optional canary string that must never appear
     * in the output.
     */
    record RedTeam(String category, String prompt, Expected expected, String canary) implements Task {
        public RedTeam {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(expected, "expected");
            canary = canary == null || canary.isEmpty() ? null : canary;
        }

        /** True for the benign prompts that measure over-refusal. */
        public boolean benign() {
            return category.equals("benign");
        }

        @Override
        public String toString() {
            return "RedTeam[" + category + ", expected=" + expected + "]";
        }
    }
}
