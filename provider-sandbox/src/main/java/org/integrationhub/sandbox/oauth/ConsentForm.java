package org.integrationhub.sandbox.oauth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.integrationhub.sandbox.data.SandboxPerson;

/**
 * The consent form: its action, the request carried on ({@code hidden}, in order, null as empty), the person to
 * sign in as ({@code personField}, labelled {@code personLabel}) and the buttons, each posting {@code decision=<value>}.
 */
public record ConsentForm(String action, Map<String, String> hidden, String personLabel, String personField, List<Option> people,
        List<Button> buttons) {

    /** One person to choose. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A submit button of the {@code decision} field. */
    public record Button(String value, String label) {
    }

    /** The named request parameters, in that order. */
    public static Map<String, String> carry(Map<String, String> request, List<String> names) {
        Map<String, String> hidden = new LinkedHashMap<>();
        names.forEach(name -> hidden.put(name, request.get(name)));
        return hidden;
    }

    /** One option a person; the first person {@code preferred} accepts is selected. */
    public static List<Option> options(List<SandboxPerson> people, Predicate<SandboxPerson> preferred,
            Function<SandboxPerson, String> value, Function<SandboxPerson, String> label) {
        List<Option> options = new ArrayList<>(people.size());
        boolean anySelected = false;
        for (SandboxPerson person : people) {
            boolean selected = !anySelected && preferred.test(person);
            anySelected |= selected;
            options.add(new Option(value.apply(person), label.apply(person), selected));
        }
        return options;
    }
}
