package netsim.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user database that {@code id}, {@code stat %U}, {@code unshare --map-user=NAME} and
 * {@code setpriv --init-groups} read: the entries of {@code /etc/passwd} and {@code /etc/group}, in
 * file order, looked up as glibc's {@code files} service does (the first matching line wins).
 *
 * <p>Names belong to ids as the reader's user namespace shows them: inside {@code unshare -r},
 * uid 0 is {@code root} because the same files are read there.
 *
 * <p>{@link #defaultDb} is the image these scenarios are checked on (Debian 12 with uid 1000
 * {@code cloudsdk}); the kernel backend can give the real machine's files instead ({@link
 * #parse}).
 */
public final class UserDb {
  /** A line of /etc/passwd: name, uid and primary gid. */
  public record User(String name, long uid, long gid) {}

  /** A line of /etc/group: name, gid and the users listed as members. */
  public record Group(String name, long gid, List<String> members) {
    public Group {
      members = List.copyOf(members);
    }
  }

  private final List<User> users;
  private final List<Group> groups;

  public UserDb(List<User> users, List<Group> groups) {
    this.users = List.copyOf(users);
    this.groups = List.copyOf(groups);
  }

  private static final UserDb DEFAULT =
      parse(resource("etc-passwd"), resource("etc-group"));

  /** The database of the image the scenarios are checked on. */
  public static UserDb defaultDb() {
    return DEFAULT;
  }

  private static String resource(String name) {
    try (InputStream in = UserDb.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource netsim/model/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the text of /etc/passwd and /etc/group. Lines that glibc would skip (comments, too few
   * fields, ids that are not numbers) are skipped.
   */
  public static UserDb parse(String passwd, String group) {
    List<User> us = new ArrayList<>();
    for (String line : passwd.split("\n")) {
      String[] f = line.split(":", -1);
      if (f.length >= 4 && !line.startsWith("#") && isId(f[2]) && isId(f[3])) {
        us.add(new User(f[0], Long.parseLong(f[2]), Long.parseLong(f[3])));
      }
    }
    List<Group> gs = new ArrayList<>();
    for (String line : group.split("\n")) {
      String[] f = line.split(":", -1);
      if (f.length >= 3 && !line.startsWith("#") && isId(f[2])) {
        List<String> members = f.length >= 4 && !f[3].isEmpty() ? List.of(f[3].split(","))
            : List.of();
        gs.add(new Group(f[0], Long.parseLong(f[2]), members));
      }
    }
    return new UserDb(us, gs);
  }

  private static boolean isId(String s) {
    return !s.isEmpty() && s.length() <= 10 && s.chars().allMatch(Character::isDigit)
        && Long.parseLong(s) <= IdMap.INVALID;
  }

  /** {@code getpwuid}. */
  public Optional<User> user(long uid) {
    return users.stream().filter(u -> u.uid() == uid).findFirst();
  }

  /** {@code getpwnam}. */
  public Optional<User> user(String name) {
    return users.stream().filter(u -> u.name().equals(name)).findFirst();
  }

  /** {@code getgrgid}. */
  public Optional<Group> group(long gid) {
    return groups.stream().filter(g -> g.gid() == gid).findFirst();
  }

  /** {@code getgrnam}. */
  public Optional<Group> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** The user's name, or null. */
  public String userName(long uid) {
    return user(uid).map(User::name).orElse(null);
  }

  /** The group's name, or null. */
  public String groupName(long gid) {
    return group(gid).map(Group::name).orElse(null);
  }

  /**
   * {@code getgrouplist(user, primary)}: the primary group first, then every group that lists the
   * user as a member, in file order, each once.
   */
  public List<Long> groupList(String user, long primary) {
    List<Long> out = new ArrayList<>(List.of(primary));
    for (Group g : groups) {
      if (g.members().contains(user) && !out.contains(g.gid())) {
        out.add(g.gid());
      }
    }
    return out;
  }
}
