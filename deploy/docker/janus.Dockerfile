# syntax=docker/dockerfile:1
# Janus from Debian's package with Lectern's configuration (deploy/janus: VideoRoom only, no Admin API), for
# compose.yaml. Debian's janus is the one the tests run against.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends janus \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --no-create-home janus
COPY deploy/janus /etc/lectern/janus
# In compose the WebSocket API must be reachable from the Lectern containers (not only loopback): see compose.yaml.
USER janus
EXPOSE 8188
CMD ["janus", "-F", "/etc/lectern/janus", "-o"]
