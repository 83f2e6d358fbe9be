package io.omnipulse.ingest.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Every vendor mapping, built as the service builds them (they are stateless), for tests without Quarkus. */
final class Vendors {

    static final List<VendorSource> ALL = List.of(new ZendeskSource(), new ChatwootSource(), new IntercomSource(),
            new AmazonConnectSource(), new TwilioSource());
    static final Path FIXTURES = Path.of("src/test/resources/sources");
    static final URI URL = URI.create("https://cx.example.com/v1/sources/");

    private Vendors() {
    }

    static VendorSource named(String name) {
        return ALL.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vendor " + name + " in Vendors.ALL"));
    }
}
