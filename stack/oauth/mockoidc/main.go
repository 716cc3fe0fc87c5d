// Command mockoidc serves github.com/oauth2-proxy/mockoidc, the OIDC provider of the real-stack
// tier's login tests (docs/real-stack.md), over HTTPS with a fixed client and fixed users.
// mockoidc logs in, without a form, the user at the head of its queue (QueueUser); the loopback
// admin listener's POST /queue?email=<email> queues one of the --users. Nothing else is added.
package main

import (
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/oauth2-proxy/mockoidc"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "the provider's HTTPS address")
	adminAddr := flag.String("admin-addr", "127.0.0.1:0", "loopback address of POST /queue?email=")
	certFile := flag.String("tls-cert", "", "serving certificate (PEM)")
	keyFile := flag.String("tls-key", "", "its key (PEM)")
	clientID := flag.String("client-id", "kubevirt-console", "the OAuth client's id")
	clientSecret := flag.String("client-secret", "", "the OAuth client's secret")
	usersFile := flag.String("users", "", `JSON: [{"Subject":..,"Email":..,"Groups":[..]}]`)
	flag.Parse()

	var users []*mockoidc.MockUser
	if data, err := os.ReadFile(*usersFile); err != nil {
		log.Fatal(err)
	} else if err := json.Unmarshal(data, &users); err != nil {
		log.Fatalf("%s: %v", *usersFile, err)
	}
	pair, err := tls.LoadX509KeyPair(*certFile, *keyFile)
	if err != nil {
		log.Fatal(err)
	}
	m, err := mockoidc.NewServer(nil)
	if err != nil {
		log.Fatal(err)
	}
	m.ClientID, m.ClientSecret = *clientID, *clientSecret
	cfg := &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	if err := m.Start(tls.NewListener(ln, cfg), cfg); err != nil {
		log.Fatal(err)
	}

	admin := http.NewServeMux()
	admin.HandleFunc("POST /queue", func(w http.ResponseWriter, r *http.Request) {
		for _, u := range users {
			if u.Email == r.URL.Query().Get("email") {
				u.EmailVerified = true
				m.QueueUser(u)
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		http.Error(w, "no such user", http.StatusNotFound)
	})
	aln, err := net.Listen("tcp", *adminAddr)
	if err != nil {
		log.Fatal(err)
	}
	go func() { log.Fatal(http.Serve(aln, admin)) }()
	fmt.Printf("issuer %s admin http://%s\n", m.Issuer(), aln.Addr())

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	_ = m.Shutdown()
}
