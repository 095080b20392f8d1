"""Turning a depth-first list of posts into the nested tree a page shows."""

from dataclasses import dataclass, field

from .models import Post

# Deeper than this, a branch continues on its own page: it fits a 320 px screen.
MAX_VISIBLE_DEPTH = 6


@dataclass
class Node:
    post: Post
    children: list["Node"] = field(default_factory=list)
    hidden_replies: int = 0  # replies below the visible depth, behind "continue this thread"


def build_tree(posts: list[Post], max_depth: int = MAX_VISIBLE_DEPTH) -> list[Node]:
    """Nest `posts` (ordered by path) under their parents, cutting branches at `max_depth`
    levels below the first post's depth. O(n): each post is placed once."""
    if not posts:
        return []
    base = posts[0].depth
    roots: list[Node] = []
    by_id: dict[int, Node] = {}
    cut: dict[int, Node] = {}  # post id -> the visible ancestor its branch is folded into
    for post in posts:
        parent = by_id.get(post.parent_id) if post.parent_id else None
        folded_into = cut.get(post.parent_id) if post.parent_id else None
        if folded_into is not None:
            folded_into.hidden_replies += 1
            cut[post.id] = folded_into
            continue
        if parent is not None and post.depth - base > max_depth:
            parent.hidden_replies += 1
            cut[post.id] = parent
            continue
        node = Node(post)
        by_id[post.id] = node
        (parent.children if parent is not None else roots).append(node)
    return roots
