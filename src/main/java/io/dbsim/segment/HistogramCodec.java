package io.dbsim.segment;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * HdrHistograms as a segment file carries them: the histogram's compressed form (as HdrHistogram's logs store it), in
 * base64, so that anyone can decode them with HdrHistogram's own {@code Histogram.decodeFromCompressedByteBuffer}.
 */
public final class HistogramCodec {

    private HistogramCodec() {
    }

    public static byte[] compress(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }

    public static Histogram decompress(byte[] compressed) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(compressed), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a compressed HdrHistogram: " + e.getMessage(), e);
        }
    }

    public static String encode(Histogram h) {
        return Base64.getEncoder().encodeToString(compress(h));
    }

    public static Histogram decode(String base64) {
        return decompress(Base64.getDecoder().decode(base64));
    }
}
