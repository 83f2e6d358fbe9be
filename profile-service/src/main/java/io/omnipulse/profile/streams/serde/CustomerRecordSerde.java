package io.omnipulse.profile.streams.serde;

import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.BinarySerde;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import io.omnipulse.profile.domain.CustomerRecord;

/**
 * The profile store's records, in binary. Version 2: version byte, the profile ({@link ProfileCodec};
 * absent once merged), the survivor it was merged into, announced, the merges. Version 1 nested the
 * profile as JSON; only the stores of application id omnipulse-profile-v2 hold it, so it is not read.
 */
public final class CustomerRecordSerde extends BinarySerde<CustomerRecord> {

    public CustomerRecordSerde() {
        super("customer record", 2, 2048);
    }

    @Override
    protected void write(BinaryWriter out, CustomerRecord record) {
        ProfileCodec.write(out, record.profile());
        out.string(record.mergedInto()).bool(record.announced());
        Codecs.merges(out, record.merges());
    }

    @Override
    protected CustomerRecord read(BinaryReader in) {
        return new CustomerRecord(ProfileCodec.read(in), in.string(), in.bool(), Codecs.merges(in));
    }
}
