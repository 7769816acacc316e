package main

import (
	"io"
	"net/http"
	"testing"
)

// Benchmarks of the requests people make most, through the real server.
// Run with: go test -run '^$' -bench . ./cmd/mhatlas/
func benchGet(b *testing.B, path string) {
	b.ReportAllocs()
	client := &http.Client{}
	for b.Loop() {
		resp, err := client.Get(baseURL() + path)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("%s: %d", path, resp.StatusCode)
		}
		b.SetBytes(n)
	}
}

func BenchmarkAPIDataLTLA(b *testing.B) {
	benchGet(b, "/api/v1/data?indicator=female-share&type=ltla")
}

func BenchmarkAtlasPageLTLA(b *testing.B) {
	benchGet(b, "/?indicator=bad-health-share&type=ltla")
}

func BenchmarkProfileICB(b *testing.B) {
	benchGet(b, "/areas/E54000011")
}

func BenchmarkProfileEngland(b *testing.B) {
	benchGet(b, "/areas/E92000001")
}
