package io.omnipulse.profile.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnipulse.events.serde.EventJson;
import io.omnipulse.profile.domain.CustomerProfile;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The REST mapper writes JSON like the wire (ISO instants, no nulls). It also hides the dedup
 * memory of a profile, which the state store needs but API clients have no use for.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper).addMixIn(CustomerProfile.class, PublicProfile.class);
    }

    @JsonIgnoreProperties({"recentEventKeys"})
    private interface PublicProfile {
    }
}
