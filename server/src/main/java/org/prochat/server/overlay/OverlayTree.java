package org.prochat.server.overlay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who hangs below whom. Every session is placed at the root (a direct child of the coordinator),
 * below a proxy, or nowhere (it lost its link and may come back). A session moves with everything
 * below it. Not thread-safe: room loop only.
 */
public final class OverlayTree {
  private final OverlayLimits limits;
  private final Map<String, Node> nodes = new HashMap<>();
  private int atRoot;

  public OverlayTree(OverlayLimits limits) {
    this.limits = limits;
  }

  public OverlayLimits limits() {
    return limits;
  }

  /** A new session, placed at the root (it starts on its direct link). */
  public void add(String sid, boolean acceptsChildren) {
    Node node = new Node(sid, acceptsChildren);
    nodes.put(sid, node);
    setAtRoot(node, true);
  }

  public boolean contains(String sid) {
    return nodes.containsKey(sid);
  }

  /** Moves {@code sid}, with its subtree, to the root. */
  public void placeAtRoot(String sid) {
    Node node = node(sid);
    detachFromParent(node);
    setAtRoot(node, true);
  }

  /** Moves {@code sid}, with its subtree, below {@code parentSid}. */
  public void placeUnder(String sid, String parentSid) {
    Node node = node(sid);
    Node parent = node(parentSid);
    if (isInSubtree(parent, node)) {
      throw new IllegalArgumentException(parentSid + " is below " + sid + ": that would make a loop");
    }
    detachFromParent(node);
    node.parent = parent;
    parent.children.add(node);
  }

  /** {@code sid} lost its link: it keeps its subtree but hangs nowhere until it comes back. */
  public void unplace(String sid) {
    detachFromParent(node(sid));
  }

  /**
   * Removes a session for good.
   *
   * @return its children, now placed nowhere (they will come back on their own, or time out)
   */
  public List<String> remove(String sid) {
    Node node = nodes.remove(sid);
    if (node == null) {
      return List.of();
    }
    detachFromParent(node);
    List<String> orphans = new ArrayList<>();
    for (Node child : node.children) {
      child.parent = null;
      orphans.add(child.sid);
    }
    node.children.clear();
    return orphans;
  }

  /** The session's parent, or null at the root or when placed nowhere. */
  public String parent(String sid) {
    Node parent = node(sid).parent;
    return parent == null ? null : parent.sid;
  }

  /** True when the session is linked to the coordinator through its chain of parents. */
  public boolean isPlaced(String sid) {
    return root(node(sid)) != null;
  }

  /** {@code sid} and everyone below it, parents before children. */
  public List<String> subtree(String sid) {
    List<String> sids = new ArrayList<>();
    collect(node(sid), sids);
    return sids;
  }

  /** Direct children of the coordinator. */
  public int rootChildren() {
    return atRoot;
  }

  /** Children of {@code sid}, plus places promised to newcomers that are still attaching. */
  public int childrenOf(String sid) {
    Node node = node(sid);
    return node.children.size() + node.reserved;
  }

  /** 1 for a direct child of the coordinator, 2 below it, ...; 0 when placed nowhere. */
  public int depth(String sid) {
    int depth = 0;
    for (Node n = node(sid); n != null; n = n.parent) {
      depth++;
      if (n.atRoot) {
        return depth;
      }
    }
    return 0;
  }

  /** Levels in the subtree of {@code sid}: 1 for a leaf. */
  public int height(String sid) {
    return height(node(sid));
  }

  /** The deepest level in the tree. */
  public int maxDepth() {
    return nodes.keySet().stream().mapToInt(this::depth).max().orElse(0);
  }

  /**
   * Placed proxies with room that could take {@code sid} (and its subtree) without breaking a limit
   * or making a loop, shallowest first.
   */
  public List<String> eligibleParents(String sid) {
    Node mover = node(sid);
    int moverHeight = height(mover);
    List<Node> eligible = new ArrayList<>();
    for (Node candidate : nodes.values()) {
      if (candidate.acceptsChildren
          && candidate.children.size() + candidate.reserved < limits.maxChildren()
          && !isInSubtree(candidate, mover)) {
        int depth = depth(candidate.sid);
        if (depth > 0 && depth + moverHeight <= limits.maxDepth()) {
          eligible.add(candidate);
        }
      }
    }
    eligible.sort(Comparator.comparingInt((Node n) -> depth(n.sid)).thenComparing(n -> n.sid));
    return eligible.stream().map(n -> n.sid).toList();
  }

  /** Holds a child place at {@code parentSid} for a newcomer that is attaching. */
  public void reserve(String parentSid) {
    node(parentSid).reserved++;
  }

  /** Gives back a place held by {@link #reserve}; harmless when the parent is gone. */
  public void release(String parentSid) {
    Node node = nodes.get(parentSid);
    if (node != null && node.reserved > 0) {
      node.reserved--;
    }
  }

  /** Every session with its parent (null at the root or nowhere) and depth, for views and stats. */
  public List<Placement> placements() {
    List<Placement> all = new ArrayList<>();
    for (Node node : nodes.values()) {
      all.add(new Placement(node.sid, node.parent == null ? null : node.parent.sid, depth(node.sid)));
    }
    return all;
  }

  /** Where one session hangs; depth 0 means nowhere. */
  public record Placement(String sid, String parent, int depth) {}

  private Node node(String sid) {
    Node node = nodes.get(sid);
    if (node == null) {
      throw new IllegalArgumentException("no session " + sid + " in the tree");
    }
    return node;
  }

  private void detachFromParent(Node node) {
    if (node.parent != null) {
      node.parent.children.remove(node);
      node.parent = null;
    }
    setAtRoot(node, false);
  }

  /** Keeps the count of root children current as nodes come and go. */
  private void setAtRoot(Node node, boolean root) {
    if (node.atRoot != root) {
      node.atRoot = root;
      atRoot += root ? 1 : -1;
    }
  }

  private static Node root(Node node) {
    for (Node n = node; n != null; n = n.parent) {
      if (n.atRoot) {
        return n;
      }
    }
    return null;
  }

  private static boolean isInSubtree(Node candidate, Node top) {
    for (Node n = candidate; n != null; n = n.parent) {
      if (n == top) {
        return true;
      }
    }
    return false;
  }

  private static int height(Node node) {
    int below = 0;
    for (Node child : node.children) {
      below = Math.max(below, height(child));
    }
    return below + 1;
  }

  private static void collect(Node node, List<String> into) {
    into.add(node.sid);
    node.children.forEach(child -> collect(child, into));
  }

  private static final class Node {
    final String sid;
    final boolean acceptsChildren;
    final Set<Node> children = new LinkedHashSet<>();
    Node parent;
    boolean atRoot;
    int reserved;

    Node(String sid, boolean acceptsChildren) {
      this.sid = sid;
      this.acceptsChildren = acceptsChildren;
    }
  }
}
