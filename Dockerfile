# Build stage: install everything, build the app (Vite) and the server (tsc), then drop dev packages.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: Node 20 with only what the server needs at run time.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /opt/kubevirt-console
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/build/server ./build/server
# data the embedded cluster applies at start (the common instance types, as virt-operator deploys them)
COPY --from=build /src/server/cluster/data ./server/cluster/data
COPY --from=build /src/dist ./dist
# Group 0 owns the files and may write like the owner, so the image also runs under the arbitrary
# UID that OpenShift's restricted SCC assigns.
RUN chgrp -R 0 /opt/kubevirt-console && chmod -R g=u /opt/kubevirt-console
USER 1001
EXPOSE 8080
ENTRYPOINT ["node", "build/server/main.js", "--host", "0.0.0.0", "--port", "8080"]
