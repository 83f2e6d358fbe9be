package io.omnipulse.console.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages (src/main/resources/templates), checked against their data at build time. */
@CheckedTemplate
public class Templates {

    public static native TemplateInstance queue(Person person, QueueView queue);

    /** The queue's rows alone: what the page fetches again when an alert event arrives. */
    public static native TemplateInstance queue$rows(QueueView queue);

    public static native TemplateInstance alert(Person person, AlertView view);

    public static native TemplateInstance numbers(Person person, NumbersView view);

    public static native TemplateInstance customers(Person person, CustomerPage.CustomerSearch search);

    public static native TemplateInstance customer(Person person, CustomerView view);

    /** A page of words alone: why the person cannot be shown what they asked for (not signed in, not found). */
    public static native TemplateInstance notice(String words);
}
