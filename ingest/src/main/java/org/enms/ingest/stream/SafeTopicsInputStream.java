package org.enms.ingest.stream;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes from the broker, with every character of a PUBLISH topic that Paho 1.2.5 cannot read
 * replaced by {@code ?}, one per byte, so no length in the packet changes. Everything else passes
 * unchanged. See {@link SafeTopicsNetworkModuleFactory} for why.
 *
 * <p>It follows the MQTT framing (fixed header, remaining length, for a PUBLISH the topic's length
 * and bytes, then the rest of the packet) and holds back only the topic, which it reads whole
 * before handing it on.
 */
final class SafeTopicsInputStream extends FilterInputStream {
  private static final int PUBLISH = 3;

  private enum State {
    TYPE,
    REMAINING_LENGTH,
    TOPIC_LENGTH,
    BODY
  }

  private State state = State.TYPE;
  private int type;
  private long multiplier;
  private long remaining;
  private int topicLengthBytes;
  private int topicLength;
  private byte[] topic;
  private int topicServed;

  SafeTopicsInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    do {
      n = read(one, 0, 1);
    } while (n == 0);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (topic != null) {
      int n = Math.min(len, topic.length - topicServed);
      System.arraycopy(topic, topicServed, b, off, n);
      topicServed += n;
      if (topicServed == topic.length) {
        topic = null;
      }
      return n;
    }
    if (state == State.BODY) {
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
        if (remaining == 0) {
          state = State.TYPE;
        }
      }
      return n;
    }
    int c = in.read();
    if (c < 0) {
      return -1;
    }
    b[off] = (byte) c;
    headerByte(c);
    return 1;
  }

  @Override
  public int available() throws IOException {
    if (topic != null) {
      return topic.length - topicServed;
    }
    int underlying = in.available();
    return state == State.BODY ? (int) Math.min(underlying, remaining) : Math.min(underlying, 1);
  }

  @Override
  public long skip(long n) throws IOException {
    // Paho never skips; skipping would lose track of the framing.
    throw new IOException("skip is not supported");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void headerByte(int c) throws IOException {
    switch (state) {
      case TYPE -> {
        type = c >>> 4;
        multiplier = 1;
        remaining = 0;
        state = State.REMAINING_LENGTH;
      }
      case REMAINING_LENGTH -> {
        remaining += (c & 0x7f) * multiplier;
        multiplier *= 128;
        if ((c & 0x80) == 0) {
          if (type == PUBLISH && remaining >= 2) {
            topicLengthBytes = 0;
            topicLength = 0;
            state = State.TOPIC_LENGTH;
          } else {
            bodyOrNext();
          }
        }
      }
      case TOPIC_LENGTH -> {
        topicLength = topicLength << 8 | c;
        remaining--;
        if (++topicLengthBytes == 2) {
          if (topicLength > 0 && topicLength <= remaining) {
            topic = readTopic(topicLength);
            topicServed = 0;
            remaining -= topicLength;
          }
          bodyOrNext();
        }
      }
      case BODY -> throw new IllegalStateException("body bytes are not header bytes");
    }
  }

  private void bodyOrNext() {
    state = remaining == 0 ? State.TYPE : State.BODY;
  }

  private byte[] readTopic(int length) throws IOException {
    byte[] bytes = new byte[length];
    int read = 0;
    while (read < length) {
      int n = in.read(bytes, read, length - read);
      if (n < 0) {
        throw new EOFException("connection closed inside a topic");
      }
      read += n;
    }
    return replaceUnreadable(bytes);
  }

  /**
   * Replaces, in place, each byte of a malformed UTF-8 sequence and of a character Paho 1.2.5's
   * {@code MqttWireMessage.validateUTF8String} refuses with {@code ?}.
   */
  static byte[] replaceUnreadable(byte[] t) {
    int i = 0;
    while (i < t.length) {
      int lead = t[i] & 0xff;
      int length;
      int cp;
      if (lead < 0x80) {
        length = 1;
        cp = lead;
      } else if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        cp = lead & 0x1f;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        cp = lead & 0x0f;
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        cp = lead & 0x07;
      } else {
        t[i++] = '?';
        continue;
      }
      boolean wellFormed = i + length <= t.length;
      for (int k = 1; wellFormed && k < length; k++) {
        int next = t[i + k] & 0xff;
        wellFormed = (next & 0xc0) == 0x80;
        cp = cp << 6 | next & 0x3f;
      }
      wellFormed &=
          !(length == 3 && cp < 0x800)
              && !(length == 4 && (cp < 0x10000 || cp > 0x10ffff))
              && !(cp >= 0xd800 && cp <= 0xdfff);
      if (!wellFormed) {
        t[i++] = '?';
        continue;
      }
      if (pahoRefuses(cp)) {
        Arrays.fill(t, i, i + length, (byte) '?');
      }
      i += length;
    }
    return t;
  }

  /**
   * What Paho 1.2.5 refuses in a received string: C0 and C1 controls; every character from U+FDD0
   * up in the Basic Multilingual Plane (it means the noncharacters, but its comparison takes all,
   * U+FFFD and the full- and halfwidth forms among them); and every character beyond it, whose
   * surrogate pair its inverted test takes for a broken one (eclipse-paho/paho.mqtt.java#818).
   */
  static boolean pahoRefuses(int cp) {
    return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || cp >= 0xfdd0;
  }
}
