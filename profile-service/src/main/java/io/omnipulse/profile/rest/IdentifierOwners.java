package io.omnipulse.profile.rest;

import io.omnipulse.profile.config.ProfileConfig;
import io.omnipulse.profile.domain.IdentifierNormaliser;
import io.omnipulse.profile.streams.ProfileQueries;
import io.omnipulse.queries.QueryResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * Who used an identifier, as the lookups and erasures by identifier ask: the customer, when this
 * instance holds the identifier, or the instance that does. The identifier is normalised as events'
 * are, by one normaliser made once.
 */
@ApplicationScoped
public class IdentifierOwners {

    private final ProfileQueries queries;
    private final IdentifierNormaliser normaliser;

    public IdentifierOwners(ProfileQueries queries, ProfileConfig config) {
        this.queries = queries;
        this.normaliser = new IdentifierNormaliser(config.identityRules());
    }

    /**
     * The answer for the customer who used the one identifier of {@code lookup}: {@code here} when this
     * instance knows it, {@code elsewhere} (a forward) when another does.
     *
     * @throws io.omnipulse.problem.InvalidRequestException for none, several or an unusable identifier
     * @throws NotFoundException when nobody used it
     */
    Response answer(IdentifierLookup lookup, Function<String, Response> here,
            Function<QueryResult.FoundElsewhere<String>, Response> elsewhere) {
        IdentifierQuery query = IdentifierQuery.of(lookup.asParameters(), normaliser);
        QueryResult<String> owner = queries.customerIdOf(query.typedIdentifier());
        if (owner instanceof QueryResult.Found<String> found) {
            return here.apply(found.value());
        }
        if (owner instanceof QueryResult.FoundElsewhere<String> other) {
            return elsewhere.apply(other);
        }
        throw new NotFoundException("no customer known by that " + query.parameter());
    }
}
