package io.omnipulse.devstack.simulator;

import io.omnipulse.events.CustomerIds;
import java.util.Random;

/**
 * A simulated person with the identifiers each channel would show: e-mail on email, the phone
 * number on calls, a visitor id (and sometimes the e-mail) on chat, a handle on social media.
 */
record SimulatedCustomer(int number, String crmId, String email, String phone, String handle, String visitorId,
                         String team) {

    private static final String[] TEAMS = {"billing", "technical", "onboarding"};
    private static final String[] PLATFORMS = {"twitter", "facebook", "instagram"};

    static SimulatedCustomer create(int n, Random random) {
        String crm = random.nextDouble() < 0.4 ? "CRM-" + (10_000 + n) : null;
        String handle = random.nextDouble() < 0.3 ? PLATFORMS[n % PLATFORMS.length] + ":cust" + n : null;
        return new SimulatedCustomer(n, crm, "customer" + n + "@example.com",
                String.format("+48 600 %03d %03d", n / 1000, n % 1000), handle, "v-" + n, TEAMS[n % TEAMS.length]);
    }

    CustomerIds on(String channel, Random random) {
        return switch (channel) {
            case "email" -> new CustomerIds(crmId, email, null, null, null);
            case "call" -> new CustomerIds(null, null, phone, null, null);
            case "chat" -> new CustomerIds(null, random.nextBoolean() ? email : null, null, null, visitorId);
            case "social" -> new CustomerIds(null, null, null, handle, null);
            default -> throw new IllegalArgumentException(channel);
        };
    }
}
