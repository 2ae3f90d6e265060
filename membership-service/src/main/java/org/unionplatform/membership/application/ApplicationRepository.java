package org.unionplatform.membership.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ApplicationRepository extends MongoRepository<Application, String> {

    Optional<Application> findByOpenApplicantKey(String residentIdHash);

    List<Application> findByStatusAndNextDispatchAtLessThanEqualOrderByNextDispatchAtAsc(ApplicationStatus status,
            Instant now, Limit limit);

    List<Application> findByStatusAndDispatchedAtLessThanAndEscalatedAtIsNull(ApplicationStatus status,
            Instant dispatchedBefore, Limit limit);

    default List<Application> findDue(Instant now, int limit) {
        return findByStatusAndNextDispatchAtLessThanEqualOrderByNextDispatchAtAsc(ApplicationStatus.AWAITING_DISPATCH,
                now, Limit.of(limit));
    }
}
