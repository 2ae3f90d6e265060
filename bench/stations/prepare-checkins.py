#!/usr/bin/env python3
"""Prepares the check-in benchmark on a running platform (./run.sh): 200 stations and 64 attendant accounts
(3-4 stations each), then signs each attendant in and writes one line per client for the load generator:
'<access token> <station,station,...>'. Idempotent: existing stations and accounts are reused.

Setup goes straight to the services (8083 stations, 8081 accounts and sign-in): the gateway limits sign-ins
per address, rightly. Only the measured check-ins go through the gateway.
Usage: prepare-checkins.py <admin password> <demo password> <output file> [stations] [attendants]
(signs in as 'admin', or as 'demo-admin' when demo data created the accounts before the initial administrator)
"""
import json
import sys
import time
import urllib.error
import urllib.request

ORGANIZATIONS = "http://127.0.0.1:8081"
STATIONS = "http://127.0.0.1:8083"
ORG_PATH = "/shaanxi/xianyang/xianyang-courier-federation/"


def call(method, url, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for attempt in range(20):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as e:
            if e.code in (429, 503):  # rate-limited, or the database busy past a request's deadline (first start)
                time.sleep(0.5 if e.code == 429 else 2)
                continue
            return e.code, None
    raise RuntimeError(f"{method} {url}: still rate-limited or unavailable")


def sign_in(username, password, required=True):
    status, body = call("POST", ORGANIZATIONS + "/api/auth/token", {"username": username, "password": password})
    if status != 200:
        if not required:
            return None
        raise RuntimeError(f"sign-in of {username} failed: {status}")
    return body["accessToken"]


def main():
    admin_password, demo_password, output = sys.argv[1], sys.argv[2], sys.argv[3]
    station_count = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    attendant_count = int(sys.argv[5]) if len(sys.argv) > 5 else 64
    admin = sign_in("admin", admin_password, required=False) or sign_in("demo-admin", demo_password)
    stations = [f"bench-st-{i:03d}" for i in range(station_count)]
    for i, station in enumerate(stations):
        status, _ = call("POST", STATIONS + "/api/stations", {
            "id": station, "organizationId": "xianyang-courier-federation", "orgPath": ORG_PATH,
            "details": {"name": f"压测驿站 {i}", "type": "LOVE_STATION", "address": "咸阳市秦都区",
                        "divisionCode": "610402", "location": {"lat": 34.30 + i * 0.001, "lon": 108.70},
                        "amenities": ["DRINKING_WATER"], "hours": {"alwaysOpen": True}}}, admin)
        if status not in (200, 201, 409):
            raise RuntimeError(f"opening {station} failed: {status}")
    password = "bench-" + admin_password[:20] + "-attendant"
    lines = []
    for a in range(attendant_count):
        own = stations[a::attendant_count]
        username = f"bench-attendant-{a:02d}"
        status, _ = call("POST", ORGANIZATIONS + "/api/auth/accounts", {
            "username": username, "password": password, "roles": ["STATION_ATTENDANT"],
            "stations": own}, admin)
        if status not in (200, 201, 409):
            raise RuntimeError(f"creating {username} failed: {status}")
        lines.append(sign_in(username, password) + " " + ",".join(own))
    with open(output, "w") as out:
        out.write("\n".join(lines) + "\n")
    print(f"[bench] {station_count} stations, {attendant_count} attendants signed in -> {output}")


if __name__ == "__main__":
    main()
