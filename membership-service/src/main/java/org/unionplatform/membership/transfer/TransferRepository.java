package org.unionplatform.membership.transfer;

import org.springframework.data.mongodb.repository.MongoRepository;

interface TransferRepository extends MongoRepository<Transfer, String> {
}
