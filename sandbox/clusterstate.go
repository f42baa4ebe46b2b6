package sandbox

import (
	"encoding/json"
	"fmt"

	"github.com/learnkv/learnkv/sandbox/cluster"
)

// clusterState is the simulated cluster's persisted configuration. The
// number of nodes must survive a restart: data was placed on the ring it
// defines. Pending hints are kept in memory only.
type clusterState struct {
	Nodes         int   `json:"nodes"`
	Down          []int `json:"down"`
	HintedHandoff bool  `json:"hinted_handoff"`
	ReadRepair    bool  `json:"read_repair"`
}

func (s *Sandbox) saveCluster() error {
	st := clusterState{Nodes: s.cluster.Nodes(), Down: s.cluster.Down(),
		HintedHandoff: s.cluster.HintedHandoff, ReadRepair: s.cluster.ReadRepair}
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return s.store.SaveMeta("cluster", b)
}

func (s *Sandbox) loadCluster() error {
	b, ok, err := s.store.LoadMeta("cluster")
	if err != nil || !ok {
		return err
	}
	var st clusterState
	if err := json.Unmarshal(b, &st); err != nil {
		return fmt.Errorf("read cluster state: %w", err)
	}
	if st.Nodes >= 1 && st.Nodes <= cluster.MaxNodes && st.Nodes != s.cluster.Nodes() {
		s.cluster.Resize(st.Nodes)
	}
	for _, n := range st.Down {
		if _, err := s.cluster.SetDown(n, true); err != nil {
			return err
		}
	}
	s.cluster.HintedHandoff, s.cluster.ReadRepair = st.HintedHandoff, st.ReadRepair
	return nil
}
