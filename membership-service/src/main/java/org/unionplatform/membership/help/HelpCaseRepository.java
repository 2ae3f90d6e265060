package org.unionplatform.membership.help;

import org.springframework.data.mongodb.repository.MongoRepository;

interface HelpCaseRepository extends MongoRepository<HelpCase, String> {
}
