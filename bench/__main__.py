"""Entry point of `make bench`."""

from __future__ import annotations


def main() -> int:
    print("No benchmarks yet: the performance suite arrives with the performance issue.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
