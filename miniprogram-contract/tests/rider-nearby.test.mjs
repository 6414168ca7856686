// A food-delivery rider looks for the nearest open 工会驿站 where a meal can be heated (the microwave: facility 热饭).
import { test } from "node:test";
import assert from "node:assert/strict";
import { staff, worker, unique } from "./helpers.mjs";

test("a rider finds the nearest open 驿站 with a microwave", async () => {
  const rider = worker();
  const options = await rider.client.stationOptions();
  const microwave = options.facilities.find((f) => f.name === "热饭");
  assert.ok(microwave, "the facility list has 热饭: " + JSON.stringify(options.facilities));
  const unionPost = options.types.find((t) => t.code === "union_post");
  assert.ok(unionPost);
  const water = options.facilities.find((f) => f.code !== microwave.code);

  // A place of our own (somewhere in 青海/甘肃, nowhere near the demo stations), so other data cannot interfere.
  const here = { lat: 34 + Math.random() * 4, lng: 96 + Math.random() * 6 };
  const admin = await staff("xp-admin");
  const create = (name, northMeters, facilities, openingHours) =>
    admin.client.request("POST", "/api/staff/stations", {
      body: {
        code: unique("J"),
        name,
        type: unionPost.code,
        address: "测试路 1 号",
        regionCode: "530427001",
        latitude: Number((here.lat + northMeters / 111_195).toFixed(6)),
        longitude: Number(here.lng.toFixed(6)),
        facilities,
        openingHours,
        phone: null,
        owningUnionId: admin.login.staff.unionId,
        photoUrls: null,
      },
    });
  const allDay = { allDay: true, weekly: null, afterHoursAccess: "scan_qr" };
  const closest = await create("最近的驿站（无热饭）", 300, [water.code], allDay);
  const unknownHours = await create("热饭驿站（开放时间未知）", 600, [microwave.code], null);
  const suspended = await create("热饭驿站（暂停）", 800, [microwave.code], allDay);
  await admin.client.request("POST", `/api/staff/stations/${suspended.id}/status`, { body: { status: "suspended" } });
  const wanted = await create("热饭驿站（全天开放）", 1500, [microwave.code, water.code], allDay);
  const farther = await create("更远的热饭驿站", 3000, [microwave.code], allDay);

  // wx.getLocation({ type: 'gcj02' }) gives here.
  const result = await rider.client.nearbyStations({ lat: here.lat, lng: here.lng, radiusKm: 5, type: unionPost.code,
    facility: microwave.code, openNow: true, limit: 5 });
  const codes = result.stations.map((s) => s.code);
  assert.equal(codes[0], wanted.code, JSON.stringify(result.stations));
  assert.deepEqual(codes, [wanted.code, farther.code]);
  assert.ok(!codes.includes(closest.code) && !codes.includes(unknownHours.code) && !codes.includes(suspended.code));
  const first = result.stations[0];
  assert.equal(first.isOpenNow, true);
  assert.ok(first.facilities.includes(microwave.code));
  assert.ok(Math.abs(Number(first.distanceMeters) - 1500) < 30, `distance ${first.distanceMeters}`);

  const details = await rider.client.station(first.id);
  assert.equal(details.code, wanted.code);

  // Without the filters the closest station comes first.
  const all = await rider.client.nearbyStations({ lat: here.lat, lng: here.lng, radiusKm: 5 });
  assert.equal(all.stations[0].code, closest.code);
});

test("a location outside China shows the field message", async () => {
  const rider = worker();
  const error = await rider.client.nearbyStations({ lat: 51.5, lng: -0.12 }).then(() => null, (e) => e);
  assert.equal(error?.code, "validation_failed");
  assert.equal(error.status, 400);
  assert.match(error.fieldMessage("lng"), /中国境内/);
});
