#!/usr/bin/env python3
"""Mean-field (deterministic) calibration aid for the spine model (docs/spine-model.md, Calibration).

Channel occupancies follow the master equations of AMPA5 (Destexhe 1998) and NMDA5 (Lester & Jahr 1992) with the
mean glutamate of K identical active spines (release probability x transient); quasi-steady spine heads, backward-
Euler branch, exact calcium and Q. Used only to choose starting values; the stochastic model in core/ is the
reference. Needs numpy and scipy. Example: python3 scripts/spine-meanfield-calibration.py"""
import numpy as np
from scipy.linalg import expm
# AMPA5 Destexhe 1998: states C0 C1 C2 O D1 D2 ; rates /ms, Rb /mM/ms
def ampaQ(g):
    Rb,Ru1,Ru2,Rd,Rr,Ro,Rc=13,0.0059,86,0.9,0.064,2.7,0.2
    Q=np.zeros((6,6))
    def t(i,j,r): Q[i,j]+=r
    t(0,1,Rb*g); t(1,0,Ru1); t(1,2,Rb*g); t(2,1,Ru2); t(2,3,Ro); t(3,2,Rc); t(1,4,Rd); t(4,1,Rr); t(2,5,Rd); t(5,2,Rr)
    for i in range(6): Q[i,i]=-Q[i].sum()
    return Q
def nmdaQ(g):  # Lester&Jahr rates /s -> /ms ; Rb 5/uM/s = 5 /mM/ms
    Rb,Ru,Rd,Rr,Ro,Rc=5,6.7e-3,15.2e-3,9.4e-3,83.8e-3,83.8e-3
    Q=np.zeros((5,5))  # C0 C1 C2 O D
    def t(i,j,r): Q[i,j]+=r
    t(0,1,2*Rb*g); t(1,0,Ru); t(1,2,Rb*g); t(2,1,2*Ru); t(2,3,Ro); t(3,2,Rc); t(2,4,Rd); t(4,2,Rr)
    for i in range(5): Q[i,i]=-Q[i].sum()
    return Q
# mean-field branch: K active spines (identical, mean glutamate = p * release transient), N-K silent
P=dict(nA=100,nN=15,gA=10e-3,gN=50e-3,Rin=150.,taum=20.,Rneck=100.,Cs=0.01,glu=1.0,tauglu=1.2,p=0.5,
       fca=0.1,Eca=40.,mg=1.0,vol=0.05,kappa=20.,tauca=14.,rest=0.07,tauQ=10000.)
def run(K,N=100,pulses=100,rate=100.,post=1000.,dt=0.05,**kw):
    q=dict(P);q.update(kw)
    gd=1/q['Rin']*1e3 # nS (Rin MOhm)
    Cd=q['taum']*gd   # pF (nS*ms=pF)
    gn=1/q['Rneck']*1e3
    pa=np.zeros(6);pa[0]=1;pn=np.zeros(5);pn[0]=1
    Vd=-70.;Vs=-70.;Ca=q['rest'];Q=0;Qmax=0;T=pulses/rate*1000+post
    spikes=np.arange(pulses)*1000/rate
    cache={}
    def E(Qf,g):
        key=(Qf.__name__,round(g,6))
        if key not in cache: cache[key]=expm(Qf(g)*dt)
        return cache[key]
    cat=[];tt=[]
    conv=q['fca']*103.6/(1+q['kappa'])*0.05/q['vol'] # uM/ms per pA
    for k in range(int(T/dt)):
        t=k*dt
        past=spikes[spikes<=t]
        g=q['p']*q['glu']*np.exp(-(t-past)/q['tauglu']).sum() if len(past) else 0
        if g<1e-6: g=0
        pa=pa@E(ampaQ,g); pn=pn@E(nmdaQ,g)
        B=1/(1+np.exp(-0.062*Vs)*q['mg']/3.57)
        gA=q['nA']*pa[3]*q['gA']; gNo=q['nN']*pn[3]*q['gN']
        # quasi-steady spine head (Cs tiny): gn(Vs-Vd)=-gA(Vs-0)-gNo*B*(Vs-0)
        gs=gA+gNo*B
        # dendrite implicit: Cd dVd/dt = -gd(Vd+70) + K*gn(Vs-Vd) ; Vs=(gn Vd)/(gn+gs)
        # K*gn*(Vs-Vd) = K*gn*Vd*(gn/(gn+gs)-1) = -K*gn*gs/(gn+gs)*Vd
        geff=K*gn*gs/(gn+gs)
        Vd=(Cd/dt*Vd+gd*(-70.))/(Cd/dt+gd+geff)
        Vs=gn*Vd/(gn+gs)
        ica=gNo*B*(Vs-q['Eca'])  # pA (nS*mV)
        J=-ica*conv
        Ca=q['rest']+(Ca-q['rest'])*np.exp(-dt/q['tauca'])+J*q['tauca']*(1-np.exp(-dt/q['tauca']))
        Q=Q*np.exp(-dt/q['tauQ'])+(Ca-q['rest'])*dt*1e-3  # uM s
        Qmax=max(Qmax,Q)
        if k%20==0: cat.append(Ca);tt.append(t)
    cat=np.array(cat);tt=np.array(tt)
    i=cat.argmax()
    end=pulses/rate*1000
    after=cat[tt>=end+500][0] if (tt>=end+500).any() else np.nan
    return dict(K=K,peakCa=cat.max(),tpeak=tt[i],Ca_end500=after,Q=Q,Qmax=Qmax,Vdmin=None)
if __name__=="__main__":
    for K in [5, 20, 40, 100]:
        print(run(K, nN=2, nA=100, Rin=500., fca=0.051, tauQ=1000.))
