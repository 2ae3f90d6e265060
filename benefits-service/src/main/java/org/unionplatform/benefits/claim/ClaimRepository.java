package org.unionplatform.benefits.claim;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ClaimRepository extends MongoRepository<Claim, String> {
}
