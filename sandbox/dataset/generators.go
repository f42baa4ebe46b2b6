package dataset

import (
	"fmt"
	"math/rand/v2"
	"time"
)

var statuses = []string{"NEW", "OPEN", "FIXED", "VERIFIED", "CLOSED"}
var priorities = []string{"low", "medium", "high", "critical"}

// bugs: bug reports partitioned by the year they were reported, the
// natural fix of table-per-year tribbles and its weakness: a handful of
// huge partitions.
var bugs = &Dataset{
	Name:        "bugs",
	Summary:     "bug reports partitioned by year reported (2008-2012): few, large partitions",
	SummaryJA:   "報告年でパーティション分割したバグ報告（2008〜2012年）：少数の巨大パーティション",
	DefaultRows: 10_000,
	Schema: []string{`CREATE TABLE IF NOT EXISTS bugs_by_year (year int, date_reported date, bug_id int, status text,
		priority text, summary text, PRIMARY KEY ((year), date_reported, bug_id))`},
	Table:   "bugs_by_year",
	Columns: []string{"year", "date_reported", "bug_id", "status", "priority", "summary"},
	generate: func(r *rand.Rand, n int, emit func([]any) error) error {
		start := time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := 0; i < n; i++ {
			day := start.AddDate(0, 0, i*1826/n)
			err := emit([]any{int32(day.Year()), date(day), int32(i + 1), pick(r, statuses), pick(r, priorities),
				fmt.Sprintf("crash in module %d", r.IntN(50))})
			if err != nil {
				return err
			}
		}
		return nil
	},
}

// revenue: customers' yearly revenue in a table keyed by (customer_id,
// year), instead of one column or one table per year.
var revenue = &Dataset{
	Name:        "revenue",
	Summary:     "customers' yearly revenue keyed by (customer_id, year)",
	SummaryJA:   "(customer_id, year) をキーにした顧客ごとの年間売上",
	DefaultRows: 5_000,
	Schema: []string{`CREATE TABLE IF NOT EXISTS customer_revenue (customer_id int, year int, revenue decimal,
		PRIMARY KEY ((customer_id), year))`},
	Table:   "customer_revenue",
	Columns: []string{"customer_id", "year", "revenue"},
	generate: func(r *rand.Rand, n int, emit func([]any) error) error {
		for i := 0; i < n; i++ {
			if err := emit([]any{int32(i/5 + 1), int32(2002 + i%5), money(r, 100_000)}); err != nil {
				return err
			}
		}
		return nil
	},
}

var roomNames = []string{"雑談", "DB勉強会", "release-planning", "random", "Cassandra移行", "support", "design-review", "lunch"}
var authors = []string{"iwasaki", "sugiyama", "mano", "alice", "bob", "carol", "dave", "tanaka", "suzuki", "sato"}
var stamps = []string{"👍", "🎉", "ok", "thanks", "lol"}

// chat: messages of chat rooms, the room's name folded in as a static
// column and reactions in a map (seed 003's final model).
var chat = &Dataset{
	Name:        "chat",
	Summary:     "chat messages by room, newest first, room name static, reactions in a map",
	SummaryJA:   "チャットルームごとのメッセージ（新しい順）。ルーム名は static カラム、リアクションは map",
	DefaultRows: 5_000,
	Schema: []string{`CREATE TABLE IF NOT EXISTS chat_messages (room_id text, message_id timeuuid, room_name text static,
		author text, body text, reactions map<text, text>, PRIMARY KEY ((room_id), message_id))
		WITH CLUSTERING ORDER BY (message_id DESC)`},
	Table:   "chat_messages",
	Columns: []string{"room_id", "message_id", "room_name", "author", "body", "reactions"},
	generate: func(r *rand.Rand, n int, emit func([]any) error) error {
		rooms := max(1, n/500)
		for i := 0; i < n; i++ {
			room := i % rooms
			at := epoch.Add(time.Duration(i) * 37 * time.Second)
			row := []any{fmt.Sprintf("room-%03d", room), timeUUID(r, at), roomNames[room%len(roomNames)],
				pick(r, authors), fmt.Sprintf("message %d", i), reactionsFor(r)}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	},
}

func reactionsFor(r *rand.Rand) any {
	if r.IntN(3) != 0 {
		return nil
	}
	return mapValue(map[string]string{pick(r, authors): pick(r, stamps)})
}

// magazines: seed 004's Q2 table, magazines by publisher, newest id first.
var magazines = &Dataset{
	Name:        "magazines",
	Summary:     "magazines by publisher (Cassandra docs' Q2 table), id descending",
	SummaryJA:   "出版社ごとの雑誌（Cassandra ドキュメントの Q2 テーブル）。id の降順",
	DefaultRows: 200,
	Schema: []string{`CREATE TABLE IF NOT EXISTS magazine_publisher (publisher text, id int, name text,
		publicationFrequency text, PRIMARY KEY (publisher, id)) WITH CLUSTERING ORDER BY (id DESC)`},
	Table:   "magazine_publisher",
	Columns: []string{"publisher", "id", "name", "publicationfrequency"},
	generate: func(r *rand.Rand, n int, emit func([]any) error) error {
		publishers := []string{"Gakken", "Kodansha", "Shueisha", "O'Reilly", "Springer", "Wiley"}
		freq := []string{"weekly", "monthly", "quarterly"}
		for i := 0; i < n; i++ {
			if err := emit([]any{pick(r, publishers), int32(i + 1), fmt.Sprintf("Magazine %d", i+1), pick(r, freq)}); err != nil {
				return err
			}
		}
		return nil
	},
}

// sensors: readings bucketed by (sensor, day), so no partition grows
// without bound.
var sensors = &Dataset{
	Name:        "sensors",
	Summary:     "sensor readings partitioned by (sensor_id, day): bounded partitions",
	SummaryJA:   "(sensor_id, day) でパーティション分割したセンサー計測値：上限のあるパーティション",
	DefaultRows: 50_000,
	Schema: []string{`CREATE TABLE IF NOT EXISTS readings (sensor_id text, day date, ts timestamp, value double,
		PRIMARY KEY ((sensor_id, day), ts))`},
	Table:   "readings",
	Columns: []string{"sensor_id", "day", "ts", "value"},
	generate: func(r *rand.Rand, n int, emit func([]any) error) error {
		return sensorRows(r, n, true, emit)
	},
}

// sensorsUnbucketed: the same readings with the sensor alone as the
// partition key: each sensor is one ever-growing partition.
var sensorsUnbucketed = &Dataset{
	Name:        "sensors_unbucketed",
	Summary:     "the same readings partitioned by sensor_id only: partitions grow forever",
	SummaryJA:   "同じ計測値を sensor_id だけでパーティション分割：パーティションが際限なく大きくなる",
	DefaultRows: 50_000,
	Schema: []string{`CREATE TABLE IF NOT EXISTS readings_by_sensor (sensor_id text, ts timestamp, value double,
		PRIMARY KEY ((sensor_id), ts))`},
	Table:   "readings_by_sensor",
	Columns: []string{"sensor_id", "ts", "value"},
	generate: func(r *rand.Rand, n int, emit func([]any) error) error {
		return sensorRows(r, n, false, emit)
	},
}

func sensorRows(r *rand.Rand, n int, bucketed bool, emit func([]any) error) error {
	const sensorCount = 10
	for i := 0; i < n; i++ {
		at := epoch.Add(time.Duration(i/sensorCount) * time.Minute)
		id := fmt.Sprintf("sensor-%02d", i%sensorCount)
		v := 20 + 5*r.NormFloat64()
		var row []any
		if bucketed {
			row = []any{id, date(at), ts(at), v}
		} else {
			row = []any{id, ts(at), v}
		}
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}

var orderStatus = []string{"pending", "paid", "shipped", "delivered"}

// orders: users' orders, spread over many users.
var orders = &Dataset{
	Name:        "orders",
	Summary:     "orders by user, spread evenly over 1 user per 20 orders",
	SummaryJA:   "ユーザーごとの注文。20 注文あたり 1 ユーザーに均等に分散",
	DefaultRows: 20_000,
	Schema: []string{`CREATE TABLE IF NOT EXISTS orders_by_user (user_id text, order_id timeuuid, amount decimal,
		status text, PRIMARY KEY ((user_id), order_id))`},
	Table:   "orders_by_user",
	Columns: []string{"user_id", "order_id", "amount", "status"},
	generate: func(r *rand.Rand, n int, emit func([]any) error) error {
		return orderRows(r, n, 0, emit)
	},
}

// ordersSkewed: the same table where one celebrity user owns 40% of the
// orders: one hot partition on one node.
var ordersSkewed = &Dataset{
	Name:        "orders_skewed",
	Summary:     "the same orders where one celebrity user has 40% of them: a hot partition",
	SummaryJA:   "同じ注文データで、1 人の有名ユーザーが 40% を占める：ホットパーティション",
	DefaultRows: 20_000,
	Schema:      orders.Schema,
	Table:       "orders_by_user",
	Columns:     orders.Columns,
	generate: func(r *rand.Rand, n int, emit func([]any) error) error {
		return orderRows(r, n, 40, emit)
	},
}

func orderRows(r *rand.Rand, n, celebrityPercent int, emit func([]any) error) error {
	users := max(1, n/20)
	for i := 0; i < n; i++ {
		user := fmt.Sprintf("user%05d", r.IntN(users))
		if r.IntN(100) < celebrityPercent {
			user = "celebrity"
		}
		at := epoch.Add(time.Duration(i) * 13 * time.Second)
		if err := emit([]any{user, timeUUID(r, at), money(r, 300), pick(r, orderStatus)}); err != nil {
			return err
		}
	}
	return nil
}

var countries = []string{"JP", "US", "DE", "FR", "BR"}

// usersByCountry: users partitioned by country, a low-cardinality key.
var usersByCountry = &Dataset{
	Name:        "users_by_country",
	Summary:     "users partitioned by country: 5 values, a low-cardinality partition key",
	SummaryJA:   "国でパーティション分割したユーザー：値が 5 種類しかない低カーディナリティのパーティションキー",
	DefaultRows: 10_000,
	Schema: []string{`CREATE TABLE IF NOT EXISTS users_by_country (country text, user_id uuid, name text, email text,
		PRIMARY KEY ((country), user_id))`},
	Table:   "users_by_country",
	Columns: []string{"country", "user_id", "name", "email"},
	generate: func(r *rand.Rand, n int, emit func([]any) error) error {
		for i := 0; i < n; i++ {
			c := countries[min(len(countries)-1, int(r.ExpFloat64()))]
			name := fmt.Sprintf("user%06d", i)
			if err := emit([]any{c, randomUUID(r), name, name + "@example.com"}); err != nil {
				return err
			}
		}
		return nil
	},
}
