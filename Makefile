# The two commands of the README. Both set up everything they need on a fresh
# machine: Node 22 and Yarn (scripts/toolchain.sh), the project's packages,
# and for the tests PostgreSQL and Chromium from Debian packages.
.PHONY: start test install

start:
	@bash scripts/start.sh

test:
	@bash scripts/test.sh

install:
	@bash -c 'source scripts/toolchain.sh && yarn install --immutable'
