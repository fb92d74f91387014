"""Sources from apps that may or may not be in the tree yet (notices, proposals).

Each is registered only when its app offers what the feed needs, so the feed keeps working
while those apps are being built.
"""


def register() -> None:
    pass
