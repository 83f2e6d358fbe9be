package io.omnipulse.profile.streams.serde;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.profile.domain.CustomerRecord;

/**
 * The profile store's records, in binary around the profile. Version 1: version byte, the profile
 * (JSON, {@link Codecs}; absent once merged), the survivor it was merged into, announced, the merges.
 */
public final class CustomerRecordSerde extends BinarySerde<CustomerRecord> {

    public CustomerRecordSerde() {
        super("customer record", 1, 2048);
    }

    @Override
    protected void write(BinaryWriter out, CustomerRecord record) {
        Codecs.profile(out, record.profile());
        out.string(record.mergedInto()).bool(record.announced());
        Codecs.merges(out, record.merges());
    }

    @Override
    protected CustomerRecord read(BinaryReader in) {
        return new CustomerRecord(Codecs.profile(in), in.string(), in.bool(), Codecs.merges(in));
    }
}
