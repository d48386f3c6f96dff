# A minimal image: one static binary, nothing else.
#   docker build -t samverkan .
#   docker run --rm -v "$PWD:/work" samverkan check
# The registry is read from /work/registry (mount the repository at /work; --at and diff
# read its .git).
FROM rust:1.88-alpine AS build
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN cargo build --release --locked && strip target/release/samverkan

FROM scratch
COPY --from=build /src/target/release/samverkan /samverkan
WORKDIR /work
ENTRYPOINT ["/samverkan"]
