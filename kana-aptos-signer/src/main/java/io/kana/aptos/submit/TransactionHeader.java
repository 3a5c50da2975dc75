package io.kana.aptos.submit;

import io.kana.core.model.AccountAddress;

/** The fields of a raw transaction other than its payload. */
record TransactionHeader(
        AccountAddress sender,
        long sequenceNumber,
        long maxGasAmount,
        long gasUnitPrice,
        long expirationTimestampSecs,
        int chainId) {}
