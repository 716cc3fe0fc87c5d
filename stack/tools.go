//go:build tools

// Package stack pins the commands that scripts/stack-build.mjs builds.
package stack

import (
	_ "go.etcd.io/etcd/server/v3"
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
)
