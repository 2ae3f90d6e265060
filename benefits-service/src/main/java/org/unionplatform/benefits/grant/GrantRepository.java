package org.unionplatform.benefits.grant;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface GrantRepository extends MongoRepository<Grant, String> {
}
